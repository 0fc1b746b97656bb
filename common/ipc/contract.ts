/**
 * The one IPC contract between main and renderer: channel names with their argument and result
 * types. Pure types and constants only, so main, preload and renderer can all import it; the zod
 * schemas that check these payloads at run time live in main/ipc/schemas.ts.
 */
import type { DeviceFacts } from '../domain/facts.js';
import type { DeviceReport, ErrorCode } from '../domain/report.js';
import type { DeviceInfo, DeviceRef } from '../domain/device.js';
import type { AuditProgress } from '../domain/progress.js';
import type { Finding } from '../domain/findings.js';
import type { FixRecord, ManualAnswer } from '../domain/report.js';
import type { FixId } from '../fixes/fix-catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { PushCondition, PushRouteChoice, PushStageName, RouteId } from '../push/route-ids.js';
import type { PushTestResult } from '../domain/report.js';

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
  adbPath: string | null;
  /** adb servers besides the local one, "host:port" (a lab spread over hosts). */
  adbServers: string[];
  theme: 'system' | 'light' | 'dark';
  locale: 'system' | Locale;
  /**
   * Where a push route sends instead of the vendor's production servers (a proxy, a staging or local test
   * server), http(s) URL per route; a route not listed uses the vendor's own base URL.
   */
  pushBaseUrls: Partial<Record<RouteId, string>>;
}

/** The identity the sidebar shows; each part null until the phone has been read. */
export type DeviceIdentity = Pick<DeviceFacts, 'manufacturer' | 'brand' | 'model' | 'marketName' | 'android' | 'rom'>;

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

/**
 * What the page may change in Settings. The adb path is not among them: main spawns that binary, so
 * the page can only ask main to open a file chooser ('settings:choose-adb'), or go back to searching
 * the Android SDK and PATH (`adbPath: null`).
 */
export interface SettingsPatch {
  adbPath?: null;
  adbServers?: string[];
  theme?: Settings['theme'];
  locale?: Settings['locale'];
  /** Replaces the whole map; an empty map sends every route to its vendor. */
  pushBaseUrls?: Settings['pushBaseUrls'];
}

/** What 'settings:choose-adb' answers: the user closed the chooser, or the adb they chose, checked and saved. */
export type AdbChoice =
  | { chosen: false }
  | { chosen: true; settings: Settings; /** The first line `adb version` printed. */ version: string };

/** Which app on which phone a fix or an answer is about. */
export interface FixRequest {
  ref: DeviceRef;
  app?: string;
  /** The checklist id of the finding the fix answers, e.g. "dnd-on". */
  finding: string;
  fix: FixId;
}

/** What a fix would run, shown to the engineer before they confirm. */
export interface FixPlanView {
  fix: FixId;
  title: string;
  /** False when the fix only opens a screen on the phone for a person to act on. */
  changesState: boolean;
  /** The exact command lines, in order (for a screen: the candidates tried until one resolves). */
  commands: string[];
  note: string;
}

export interface FixOutcome {
  /** What ran, when, whether it worked, and the finding's severity after the re-check. */
  record: FixRecord;
  /** The output of the command that ran (or of the last candidate tried). */
  output: string;
  before: Finding | null;
  /** The finding after re-running only the probes it needs; null when the fix only opened a screen. */
  after: Finding | null;
  /** Probe ids that were re-run. */
  rechecked: string[];
  /** The phone's report with the re-checked facts and findings and the fix recorded. */
  report: DeviceReport;
}

export interface AnswerRequest {
  ref: DeviceRef;
  finding: string;
  answer: ManualAnswer['answer'];
  note?: string;
}

export const EXPORT_FORMATS = ['json', 'md', 'html', 'pdf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Export the last report main holds for each listed phone (audits, fixes and answers included), through a save dialog in main. */
export interface ExportRequest {
  format: ExportFormat;
  refs: DeviceRef[];
  redact?: boolean;
  locale?: Locale;
}
export type ExportResult = { saved: false } | { saved: true; path: string; bytes: number };

export interface CredentialStatus {
  route: string;
  set: boolean;
  /** Where it is kept: encrypted by the OS key store, for this session only (no key store), or not at all. */
  storage: 'encrypted' | 'session' | 'none';
}

export interface CredentialSetRequest {
  route: string;
  /** The credential JSON as the user pasted or loaded it; it never comes back to the page. */
  secret: string;
}

/** The composer's message, as the CLI's `push` takes it; the credentials are main's, never in here. */
export interface PushMessageFields {
  ref: DeviceRef;
  app: string;
  route: PushRouteChoice;
  title?: string;
  /** The notification text; a unique line with the time when absent (so the watcher matches this push only). */
  desc?: string;
  channelId?: string;
  priority?: 'high' | 'normal';
  /** A data message instead of a notification message (FCM, Huawei, Honor, Xiaomi). */
  data?: boolean;
}

export interface PushSendRequest extends PushMessageFields {
  condition: PushCondition | 'all';
  /** The push token (tencent-im: the IM account); read from the app's log on the phone when absent. */
  token?: string;
  /** Tap the posted notification afterwards and check which page it opens. */
  click?: boolean;
  /** How long to watch for the post, in seconds (default 30). */
  timeoutSeconds?: number;
}

export interface PushSendResult {
  route: PushRouteChoice;
  pushTests: PushTestResult[];
  /** The test-push findings (merged across conditions for `all`), as the report carries them. */
  findings: Finding[];
  /** Sentences for the engineer: which token was used, the route's notes (e.g. the IM account is Online). */
  notes: string[];
}

/** One stage of one condition's run, sent while `push:send` runs. */
export interface PushProgress {
  ref: DeviceRef;
  route: PushRouteChoice;
  condition: PushCondition | null;
  /** 0-based index of the condition in this run, and how many there are. */
  index: number;
  total: number;
  stage: PushStageName;
  ok: boolean;
  at: string;
  /** Why the loop stopped here (a vendor code, not-delivered or display reason), null when the stage passed. */
  reason: string | null;
}

export interface InvokeChannels {
  'app:info': { args: void; result: AppInfo };
  'device:list': { args: void; result: DeviceListItem[] };
  'audit:run': { args: AuditRequest; result: DeviceReport };
  'settings:get': { args: void; result: Settings };
  'settings:set': { args: SettingsPatch; result: Settings };
  'settings:choose-adb': { args: void; result: AdbChoice };
  'shell:open-external': { args: string; result: void };
  'device:packages': { args: { ref: DeviceRef }; result: string[] };
  'fix:plan': { args: FixRequest; result: FixPlanView };
  'fix:apply': { args: FixRequest; result: FixOutcome };
  'answer:set': { args: AnswerRequest; result: ManualAnswer[] };
  'report:export': { args: ExportRequest; result: ExportResult };
  'credentials:list': { args: void; result: CredentialStatus[] };
  'credentials:set': { args: CredentialSetRequest; result: CredentialStatus[] };
  'credentials:clear': { args: { route: string }; result: CredentialStatus[] };
  'push:check': { args: PushMessageFields; result: Finding[] };
  'push:send': { args: PushSendRequest; result: PushSendResult };
}

export interface EventChannels {
  'device:event': DeviceEventPayload;
  'audit:progress': AuditProgress;
  'push:progress': PushProgress;
}

export type InvokeChannel = keyof InvokeChannels;
export type EventChannel = keyof EventChannels;
export type ArgsOf<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type ResultOf<C extends InvokeChannel> = InvokeChannels[C]['result'];
export type PayloadOf<E extends EventChannel> = EventChannels[E];

/**
 * The name each channel has on `window.pushDoctor`. The bridge's methods are generated from these two
 * maps (common/ipc/client.ts), so a new channel is its entry above, one line here, its schema and its
 * handler. Written as records so the compiler rejects a channel that is missing here.
 */
export const INVOKE_METHODS = {
  'app:info': 'appInfo',
  'device:list': 'listDevices',
  'audit:run': 'runAudit',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
  'settings:choose-adb': 'chooseAdb',
  'shell:open-external': 'openExternal',
  'device:packages': 'listPackages',
  'fix:plan': 'planFix',
  'fix:apply': 'applyFix',
  'answer:set': 'setAnswer',
  'report:export': 'exportReport',
  'credentials:list': 'listCredentials',
  'credentials:set': 'setCredential',
  'credentials:clear': 'clearCredential',
  'push:check': 'checkPush',
  'push:send': 'sendPush',
} as const satisfies Record<InvokeChannel, string>;

export const EVENT_METHODS = {
  'device:event': 'onDeviceEvent',
  'audit:progress': 'onAuditProgress',
  'push:progress': 'onPushProgress',
} as const satisfies Record<EventChannel, string>;

/** Listed as values so main can check that every channel has a handler and a schema. */
export const INVOKE_CHANNELS = Object.keys(INVOKE_METHODS) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(EVENT_METHODS) as EventChannel[];

export type Unsubscribe = () => void;

/** A channel's method: no argument for a `void` channel, else exactly one. */
export type InvokeMethod<C extends InvokeChannel> = (...args: ArgsOf<C> extends void ? [] : [ArgsOf<C>]) => Promise<Result<ResultOf<C>>>;
export type EventMethod<E extends EventChannel> = (listener: (payload: PayloadOf<E>) => void) => Unsubscribe;

/**
 * What the preload exposes as `window.pushDoctor` (and what a browser client over WebSocket would give
 * the page): one method per declared channel, derived from the maps above, never ipcRenderer.
 */
export type PushDoctorApi = { [C in InvokeChannel as (typeof INVOKE_METHODS)[C]]: InvokeMethod<C> }
  & { [E in EventChannel as (typeof EVENT_METHODS)[E]]: EventMethod<E> };
