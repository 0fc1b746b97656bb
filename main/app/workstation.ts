import path from 'node:path';
import type { App, BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, IpcMain, Protocol, Session, Shell, WebContents } from 'electron';
import type { DeviceEvent, DeviceTracker } from '../adb/device-port.js';
import type { AppInfo } from '../../common/ipc/contract.js';
import { registerAppHandlers } from '../ipc/app-handlers.js';
import { registerAuditHandlers, type AuditServices } from '../ipc/audit-handlers.js';
import { registerDeviceHandlers, toDeviceEventPayload, type DeviceServices } from '../ipc/device-handlers.js';
import { broadcastEvent } from '../ipc/events.js';
import { originOf, type Ipc } from '../ipc/handle.js';
import { registerSettingsHandlers } from '../ipc/settings-handlers.js';
import { registerShellHandlers } from '../ipc/shell-handlers.js';
import { serveApp } from './app-protocol.js';
import { findAdb } from '../adb/find-adb.js';
import { APP_ORIGIN, denyAllPermissions, windowOptions } from './security.js';
import { createSettingsStore } from './settings-store.js';

/** The phone-facing services; the audit engine and the adb adapter provide them. */
export interface LabServices extends DeviceServices, AuditServices {
  trackDevices(onEvent: (event: DeviceEvent) => void): Promise<DeviceTracker>;
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
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
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
}

export interface Workstation {
  ipc: Ipc;
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

  const ipc: Ipc = { ipcMain: electron.ipcMain, trustedOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN] };
  registerAppHandlers(ipc, { appInfo });
  registerSettingsHandlers(ipc, settings);
  registerShellHandlers(ipc, { openExternal: (url) => electron.shell.openExternal(url) });

  let tracker: DeviceTracker | null = null;
  if (options.lab) {
    registerDeviceHandlers(ipc, options.lab);
    registerAuditHandlers(ipc, options.lab);
    tracker = await options.lab.trackDevices((event) =>
      broadcastEvent(electron.allWindows().map((w) => w.webContents), 'device:event', toDeviceEventPayload(event)),
    );
  }

  const window = electron.createWindow(windowOptions({ preload, devTools: !electron.app.isPackaged }));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(devOrigin && options.devServerUrl ? options.devServerUrl : `${APP_ORIGIN}/index.html`);

  return {
    ipc,
    window,
    appInfo,
    stop: () => tracker?.close(),
  };
}
