import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, protocol, safeStorage, session, shell } from 'electron';
import { registerAppScheme } from './app/app-protocol.js';
import { guardWebContents } from './app/security.js';
import { startWorkstation } from './app/workstation.js';
import { installCrashHandler } from './app/crash-handler.js';
import { electronIpcMain } from './ipc/electron-transport.js';
import { createAdbTsPort } from './adb/adb-ts-adapter.js';
import { defaultAdbServers } from './adb/server-address.js';
import { createLabServices } from './services/lab-services.js';
import { createCredentialStore } from './app/credential-store.js';
import { fetchForEnv } from './push/proxy.js';
import { ApkCache, apkCacheDir } from './apk/apk-cache.js';
import { userDataDir } from './history/data-dir.js';
import { createSettingsStore } from './app/settings-store.js';
import { electronPdfPrinter } from './app/print-pdf.js';
import { parseAdbAddress } from './adb/server-address.js';
import { historyDir } from './history/data-dir.js';
import { HistoryStore } from './history/history-store.js';
import { consoleSink, createLogger } from './log/logger.js';
import { fileSink } from './log/file-sink.js';

// The composition root: only wiring lives here; everything it calls is tested on the Electron fake.

// First, so even a failure while starting is logged (redacted, to the console and a file the user can
// send us) and shown instead of lost.
const crashLogFile = path.join(app.getPath('logs'), 'main.log');
installCrashHandler({ process, app, dialog, log: createLogger('crash', fileSink(crashLogFile, consoleSink)), logFile: crashLogFile });

// Before `ready`, synchronously in the entry module: Electron accepts privileged schemes only then.
registerAppScheme(protocol);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));
app.on('window-all-closed', () => app.quit());

// No top-level await: with an ESM entry Electron may hold `ready` until the module has evaluated.
void app.whenReady().then(async () => {
  // The adb server of ANDROID_ADB_SERVER_PORT (5037 by default), as the adb CLI itself picks it.
  // A stopped server is started with the adb chosen in Settings, if any (read at each start).
  // Plus the lab's other hosts from Settings; one added later is watched from when it is saved.
  const settings = createSettingsStore(path.join(app.getPath('userData'), 'settings.json'));
  const local = defaultAdbServers(process.env);
  const extra = (await settings.getSettings()).adbServers.map(parseAdbAddress)
    .filter((s) => !local.some((l) => l.host === s.host && l.port === s.port));
  const port = createAdbTsPort({
    servers: [...local, ...extra],
    env: process.env,
    adbPath: async () => (await settings.getSettings()).adbPath,
  });
  const credentials = createCredentialStore({ file: path.join(app.getPath('userData'), 'credentials.json'), safeStorage, platform: process.platform });
  const lab = createLabServices(port, {
    // Test pushes use main's stored credentials and Settings' base URLs; HTTPS_PROXY as the CLI honours it.
    push: { secretFor: credentials.secretFor, settings: settings.getSettings, fetch: () => fetchForEnv(process.env) },
    // The folder the CLI keeps audits in too, so each sees what changed since the other's last audit.
    history: new HistoryStore({ dir: historyDir(process.env, process.platform) }),
    version: app.getVersion(),
    onHistoryError: (error) => createLogger('history').warn('the audit was not kept in history', error),
    apkCache: new ApkCache(apkCacheDir(userDataDir(process.env))),
  });
  const workstation = await startWorkstation(
    {
      app, protocol, shell, dialog, safeStorage,
      printToPdf: electronPdfPrinter((options) => new BrowserWindow(options)),
      ipcMain: electronIpcMain(),
      session: session.defaultSession,
      createWindow: (options) => new BrowserWindow(options),
      allWindows: () => BrowserWindow.getAllWindows(),
    },
    {
      outMainDir: path.dirname(fileURLToPath(import.meta.url)),
      devServerUrl: process.env.ELECTRON_RENDERER_URL,
      env: process.env,
      platform: process.platform,
      arch: process.arch,
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
      lab,
      credentials,
      onSettingsChanged: (saved) => port.addServers(saved.adbServers.map(parseAdbAddress)),
    },
  );
  app.on('before-quit', () => {
    workstation.stop();
    void lab.close();
  });
}).catch((error: unknown) => {
  createLogger('main').error('Push Doctor could not start', error);
  app.exit(1);
});
