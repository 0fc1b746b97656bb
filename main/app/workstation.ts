import path from 'node:path';
import type { App, BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Dialog, Protocol, Session, Shell, WebContents } from 'electron';
import type { AuditSessions } from '../services/audit-sessions.js';
import { createCredentialStore, type CredentialStore, type SafeStorageLike } from './credential-store.js';
import { createReportExporter, type PdfPrinter } from './report-export.js';
import type { DeviceEvent, DeviceTracker } from '../adb/device-port.js';
import type { AppInfo, Settings } from '../../common/ipc/contract.js';
import type { AuditServices } from '../ipc/audit-handlers.js';
import type { FixServices } from '../ipc/fix-handlers.js';
import type { PushServices } from '../ipc/push-handlers.js';
import { toDeviceEventPayload, type DeviceServices } from '../ipc/device-handlers.js';
import { createDispatch, originOf, type Dispatch, type Handlers, type Transport } from '../ipc/dispatch.js';
import { serveOverElectron, type IpcMainLike } from '../ipc/electron-transport.js';
import { allHandlers } from '../ipc/register.js';
import { createAdbChooser } from './adb-chooser.js';
import { serveApp } from './app-protocol.js';
import { findAdb } from '../adb/find-adb.js';
import { APP_ORIGIN, denyAllPermissions, windowOptions } from './security.js';
import { createSettingsStore } from './settings-store.js';

/** The phone-facing services; the audit engine and the adb adapter provide them. */
export interface LabServices extends DeviceServices, AuditServices, FixServices, PushServices {
  trackDevices(onEvent: (event: DeviceEvent) => void): Promise<DeviceTracker>;
  /** Each phone's last audit, fixes and answers: what an export writes. */
  sessions?: AuditSessions;
}

interface WindowLike {
  webContents: Pick<WebContents, 'send' | 'isDestroyed'>;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

/** The parts of Electron the workstation uses, passed in so tests run it on the fake. */
export interface ElectronParts {
  app: Pick<App, 'getName' | 'getVersion' | 'getPath' | 'isPackaged' | 'on'>;
  ipcMain: IpcMainLike;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  safeStorage: SafeStorageLike;
  /** Prints report HTML to PDF with the app's own Chromium; without it the PDF writer looks for a browser. */
  printToPdf?: PdfPrinter;
  protocol: Pick<Protocol, 'handle'>;
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;
  shell: Pick<Shell, 'openExternal'>;
  createWindow(options: BrowserWindowConstructorOptions): WindowLike;
  allWindows(): readonly Pick<BrowserWindowType, 'webContents'>[];
}

export interface WorkstationOptions {
  /** Folder holding the built main bundle (out/main); preload and renderer sit beside it. */
  outMainDir: string;
  /** The electron-vite dev server, in development only. */
  devServerUrl: string | undefined;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  versions: { electron: string; chrome: string; node: string };
  arch: string;
  /** Phone services; the channels they serve stay unregistered until they are given. */
  lab: LabServices | null;
  /** Told of every saved change (the adb servers to watch follow Settings without a restart). */
  onSettingsChanged?: (settings: Settings) => void;
  /** The credential store the phone services read test-push credentials from; one of its own when absent. */
  credentials?: CredentialStore;
}

export interface Workstation {
  /**
   * The handler table, transport-free: another transport (the WebSocket lab server) serves it through a
   * dispatch of its own, which trusts that server's origin instead of app://bundle.
   */
  handlers: Handlers;
  /** The dispatch the Electron transport serves. */
  dispatch: Dispatch;
  /** Every transport main serves the dispatch over; events nobody asked for are broadcast through each. */
  transports: Transport[];
  window: WindowLike;
  appInfo(): Promise<AppInfo>;
  stop(): void;
}

/** Composes the running app after `app.whenReady()`: protocol, permissions, IPC, window. */
export async function startWorkstation(electron: ElectronParts, options: WorkstationOptions): Promise<Workstation> {
  const rendererDir = path.join(options.outMainDir, '..', 'renderer');
  const preload = path.join(options.outMainDir, '..', 'preload', 'index.cjs');
  const devOrigin = options.devServerUrl && !electron.app.isPackaged ? originOf(options.devServerUrl) : null;

  denyAllPermissions(electron.session);
  serveApp(electron.protocol, rendererDir);

  const settings = createSettingsStore(path.join(electron.app.getPath('userData'), 'settings.json'));
  const appInfo = async (): Promise<AppInfo> => ({
    name: electron.app.getName(),
    version: electron.app.getVersion(),
    versions: options.versions,
    platform: options.platform,
    arch: options.arch,
    adb: await findAdb({ settingsPath: (await settings.getSettings()).adbPath, env: options.env, platform: options.platform }),
  });

  const handlers = allHandlers(
    {
      appInfo,
      getSettings: settings.getSettings,
      setSettings: async (patch) => {
        const saved = await settings.setSettings(patch);
        options.onSettingsChanged?.(saved);
        return saved;
      },
      chooseAdb: createAdbChooser({ dialog: electron.dialog, settings, platform: options.platform }),
      openExternal: (url) => electron.shell.openExternal(url),
      ...createReportExporter({
        dialog: electron.dialog,
        sessions: () => options.lab?.sessions ?? null,
        version: electron.app.getVersion(),
        defaultDir: electron.app.getPath('documents'),
        ...(electron.printToPdf ? { printPdf: electron.printToPdf } : {}),
      }),
      ...(options.credentials ?? createCredentialStore({
        file: path.join(electron.app.getPath('userData'), 'credentials.json'),
        safeStorage: electron.safeStorage,
        platform: options.platform,
      })),
    },
    options.lab,
  );
  const dispatch = createDispatch(handlers, { trustedOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN] });
  const transports: Transport[] = [
    serveOverElectron(dispatch, { ipcMain: electron.ipcMain, receivers: () => electron.allWindows().map((w) => w.webContents) }),
  ];

  let tracker: DeviceTracker | null = null;
  if (options.lab) {
    tracker = await options.lab.trackDevices((event) => {
      const payload = toDeviceEventPayload(event);
      for (const transport of transports) transport.broadcast('device:event', payload);
    });
  }

  const window = electron.createWindow(windowOptions({ preload, devTools: !electron.app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(devOrigin && options.devServerUrl ? options.devServerUrl : `${APP_ORIGIN}/index.html`);

  return {
    handlers,
    dispatch,
    transports,
    window,
    appInfo,
    stop: () => {
      tracker?.close();
      for (const transport of transports) transport.close();
    },
  };
}
