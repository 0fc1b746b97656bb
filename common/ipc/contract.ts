/**
 * The one IPC contract between main and renderer: channel names with their argument and result
 * types. Pure types and constants only, so main, preload and renderer can all import it; the zod
 * schemas that check these payloads at run time live in main/ipc/schemas.ts.
 */
import type { DeviceFacts } from '../domain/facts.js';
import type { DeviceReport, ErrorCode } from '../domain/report.js';
import type { DeviceInfo, DeviceRef } from '../domain/device.js';
import type { AuditProgress } from '../domain/progress.js';

export type { AuditProgress };

export interface IpcError {
  code: ErrorCode;
  message: string;
  /** What the user should do about it. */
  hint?: string;
}

/** Expected failures cross IPC as values: Electron would pass only an Error's message. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface AdbLocation {
  found: boolean;
  /** Absolute path of the adb binary when found. */
  path: string | null;
  /** Where it was found: the settings path, the Android SDK, or PATH. */
  source: 'settings' | 'android-sdk' | 'path' | null;
  /** When not found: what to install on this OS, and where we looked. */
  message: string | null;
}

export interface AppInfo {
  name: string;
  version: string;
  versions: { electron: string; chrome: string; node: string };
  platform: string;
  arch: string;
  adb: AdbLocation;
}

export interface Settings {
  /** An adb binary chosen by the user; null to search the Android SDK and PATH. */
  adbPath: string | null;
}

/** The identity the sidebar shows; each part null until the phone has been read. */
export type DeviceIdentity = Pick<DeviceFacts, 'manufacturer' | 'brand' | 'model' | 'android' | 'rom'>;

/** A listed device is its own DeviceRef (server, serial, transportId); `refKey(item)` keys it. */
export interface DeviceListItem extends DeviceInfo {
  identity: DeviceIdentity | null;
}

export interface AuditRequest {
  /** Which phone: its server, serial and transport id as the device list gave them. */
  ref: DeviceRef;
  /** Package of the app under test, e.g. "com.tencent.qcloud.tim.tuikit". */
  app?: string;
}

/**
 * A device event as it crosses IPC: errors flattened to plain data; an added or changed device
 * carries its identity when the service has already read it.
 */
export type DeviceEventPayload =
  | { type: 'added' | 'changed'; device: DeviceInfo & { identity?: DeviceIdentity | null } }
  | { type: 'removed'; ref: DeviceRef }
  | { type: 'server-error'; server: string; error: IpcError };

export interface InvokeChannels {
  'app:info': { args: void; result: AppInfo };
  'device:list': { args: void; result: DeviceListItem[] };
  'audit:run': { args: AuditRequest; result: DeviceReport };
  'settings:get': { args: void; result: Settings };
  'settings:set': { args: Partial<Settings>; result: Settings };
  'shell:open-external': { args: string; result: void };
}

export interface EventChannels {
  'device:event': DeviceEventPayload;
  'audit:progress': AuditProgress;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type ArgsOf<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type ResultOf<C extends InvokeChannel> = InvokeChannels[C]['result'];

// Written as records so the compiler rejects a channel added to the maps above but not listed here.
const invokeChannelSet: Record<InvokeChannel, true> = {
  'app:info': true, 'device:list': true, 'audit:run': true,
  'settings:get': true, 'settings:set': true, 'shell:open-external': true,
};
const eventChannelSet: Record<EventChannel, true> = { 'device:event': true, 'audit:progress': true };

/** Listed as values so main can check that every channel has a handler and a schema. */
export const INVOKE_CHANNELS = Object.keys(invokeChannelSet) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(eventChannelSet) as EventChannel[];

type Unsubscribe = () => void;

/** What the preload exposes as `window.pushDoctor`: named methods only, never ipcRenderer. */
export interface PushDoctorApi {
  appInfo(): Promise<Result<AppInfo>>;
  listDevices(): Promise<Result<DeviceListItem[]>>;
  runAudit(request: AuditRequest): Promise<Result<DeviceReport>>;
  getSettings(): Promise<Result<Settings>>;
  setSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
  openExternal(url: string): Promise<Result<void>>;
  onDeviceEvent(listener: (event: DeviceEventPayload) => void): Unsubscribe;
  onAuditProgress(listener: (progress: AuditProgress) => void): Unsubscribe;
}
