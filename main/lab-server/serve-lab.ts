import { createAdbTsPort } from '../adb/adb-ts-adapter.js';
import type { AdbServerAddress, DeviceTracker } from '../adb/device-port.js';
import { findAdb } from '../adb/find-adb.js';
import type { AppInfo, Settings } from '../../common/ipc/contract.js';
import { toDeviceEventPayload } from '../ipc/device-handlers.js';
import { IpcFailure } from '../ipc/dispatch.js';
import { allHandlers } from '../ipc/register.js';
import { createLabServices } from '../services/lab-services.js';
import { createCredentialStore } from '../app/credential-store.js';
import { fetchForEnv } from '../push/proxy.js';
import { ApkCache, apkCacheDir } from '../apk/apk-cache.js';
import { userDataDir } from '../history/data-dir.js';
import { HistoryStore } from '../history/history-store.js';
import { startLabServer, type LabServer } from './lab-server.js';

/**
 * The lab server's composition root, the counterpart of main/index.ts + main/app/workstation.ts
 * without Electron: the same lab services on the `--adb` servers, the same handler table
 * (allHandlers), device events broadcast to every page. What differs is only what a remote browser
 * cannot have: main's file chooser (the server uses the adb it finds in the Android SDK or on PATH,
 * like every CLI command), and opening links on the lab host (the browser opens them itself).
 */

export interface ServeLabOptions {
  rendererDir: string;
  host: string;
  port: number;
  token: string | null;
  servers: AdbServerAddress[];
  env: NodeJS.ProcessEnv;
  version: string;
  /**
   * Where audits are kept so the lab matrix shows what changed since each phone's previous one (the app and
   * the CLI's shared folder, or a test's own); none given: nothing is kept and no changes are shown.
   */
  historyDir?: string | null;
  /** Where each push route sends (the lab's proxy or local test servers), as Settings' pushBaseUrls; validated by the caller. */
  pushBaseUrls?: Settings['pushBaseUrls'];
  logError?: (message: string, error: unknown) => void;
}

export interface ServedLab {
  server: LabServer;
  stop(): Promise<void>;
}

/** The lab server keeps no settings of its own: no adb path is chosen, so adb is searched for. */
const NO_SETTINGS: Settings = { adbPath: null, adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} };

export async function serveLab(options: ServeLabOptions): Promise<ServedLab> {
  // No OS key store behind a browser session: credentials set from the page stay in this server's memory, on the lab host.
  const credentials = createCredentialStore({ file: '', safeStorage: null, platform: process.platform });
  const lab = createLabServices(createAdbTsPort({ servers: options.servers, env: options.env }), {
    apkCache: new ApkCache(apkCacheDir(userDataDir(options.env))),
    history: options.historyDir ? new HistoryStore({ dir: options.historyDir }) : null,
    version: options.version,
    onHistoryError: (error) => options.logError?.('the audit was not kept in history', error),
    push: {
      secretFor: credentials.secretFor,
      settings: async () => ({ pushBaseUrls: options.pushBaseUrls ?? {} }),
      fetch: () => fetchForEnv(options.env),
    },
  });
  const appInfo = async (): Promise<AppInfo> => ({
    name: 'Push Doctor',
    version: options.version,
    versions: { electron: '', chrome: '', node: process.versions.node },
    platform: process.platform,
    arch: process.arch,
    adb: await findAdb({ settingsPath: null, env: options.env, platform: process.platform }),
  });
  const handlers = allHandlers(
    {
      appInfo,
      getSettings: async () => ({ ...NO_SETTINGS, pushBaseUrls: options.pushBaseUrls ?? {} }),
      // The only patch the schema lets through is "search again", which is what the server does anyway.
      setSettings: async () => ({ ...NO_SETTINGS }),
      chooseAdb: async () => {
        throw new IpcFailure(
          'UNSUPPORTED',
          'The lab server cannot open a file chooser on the lab host from a browser.',
          'Put adb on the lab host\'s PATH (or set ANDROID_HOME) and restart `push-doctor serve`.',
        );
      },
      // The schema has checked the link is one the app may open; the browser's bridge opens it in a tab.
      openExternal: async () => undefined,
      exportReport: async () => {
        throw new IpcFailure(
          'UNSUPPORTED',
          'The lab server cannot open a save dialog on the lab host from a browser.',
          'Export from the app, or run `push-doctor audit --serial S --format html --out FILE` on the lab host.',
        );
      },
      ...credentials,
    },
    lab,
  );

  let server: LabServer;
  try {
    server = await startLabServer({
      rendererDir: options.rendererDir, host: options.host, port: options.port, token: options.token, handlers,
      ...(options.logError ? { logError: options.logError } : {}),
    });
  } catch (error) {
    await lab.close();
    throw error;
  }
  let tracker: DeviceTracker | null = null;
  try {
    tracker = await lab.trackDevices((event) => server.transport.broadcast('device:event', toDeviceEventPayload(event)));
  } catch (error) {
    await server.close();
    await lab.close();
    throw error;
  }
  return {
    server,
    async stop() {
      tracker?.close();
      await server.close();
      await lab.close();
    },
  };
}
