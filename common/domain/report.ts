import type { Locale } from '../i18n/locale.js';
import type { DeviceRef } from './device.js';
import type { DeviceFacts } from './facts.js';
import type { Finding, Msg } from './findings.js';

export const REPORT_SCHEMA = 'push-doctor/report@1';

export const DEVICE_STATES = ['device', 'unauthorized', 'offline', 'no-permissions', 'gone'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

/** A closed set, so the UI and the CLI can say what to do about each. */
export const ERROR_CODES = [
  'ADB_MISSING', 'ADB_UNREACHABLE', 'DEVICE_NOT_FOUND', 'DEVICE_UNAUTHORIZED', 'DEVICE_OFFLINE',
  'DEVICE_NO_PERMISSIONS', 'DEVICE_GONE', 'COMMAND_FAILED', 'TIMEOUT', 'TRUNCATED_OUTPUT',
  'INVALID_INPUT', 'NOT_FOUND', 'UNSUPPORTED', 'TOO_LARGE', 'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DeviceError {
  code: ErrorCode;
  message: string;
  /** What the audit was doing, e.g. "probe:dumpsys-notification". */
  during?: string;
  /** The message ids `message` was rendered from (message, then what to do), for readers in another language. */
  text?: { message: Msg; hint?: Msg };
}

export interface PushTestResult {
  route: string;
  sentAt: string;
  accepted: boolean;
  response: { code: string; meaning: string };
  postedAt: string | null;
  latencyMs: number | null;
  displayed: boolean | null;
  /** Additions (issue 11): the phone's condition when the push was sent (foreground, background, locked, killed, stopped, doze). */
  condition?: string;
  acceptedAt?: string | null;
  /** The channel it was posted on, and that channel's importance (0 NONE … 5 MAX). */
  channelId?: string | null;
  importance?: number | null;
  /** Why it was or was not displayed: shown, silent, dnd, min-importance. */
  displayedReason?: string | null;
  /** Why it was not posted: channel-missing, app-stopped, app-blocked, channel-blocked, deferred-doze, data-message, fcm-foreground, im-online, no-trace. */
  notDeliveredReason?: string | null;
  /** `pkg/.Activity` resumed after tapping the notification (`push --click`). */
  clickedActivity?: string | null;
}

/** A safe on-phone fix that was applied (`fix --finding`, the workstation's Fix button). */
export interface FixRecord {
  finding: string;
  fix: string;
  command: string;
  at: string;
  ok: boolean;
  /** The finding's severity after the re-check, when it ran. */
  after?: string;
}

/** The engineer's answer to a manual step. */
export interface ManualAnswer {
  finding: string;
  answer: 'yes' | 'no' | 'unsure';
  note?: string;
  at: string;
}

export interface DeviceReport {
  serial: string;
  /** Which phone exactly (server, serial, transport id) for a live audit; absent for captures and bug reports. */
  ref?: DeviceRef;
  state: DeviceState;
  facts: DeviceFacts;
  findings: Finding[];
  pushTests: PushTestResult[];
  errors: DeviceError[];
  /** Probe ids that were read, and those that were not (a lost phone says what it lost). */
  probes?: { read: string[]; missing: string[] };
  fixes?: FixRecord[];
  answers?: ManualAnswer[];
  /** With `--since-last`: what changed since this phone's previous audit, and when that was. */
  changes?: DeviceChange[];
  previousAuditAt?: string;
}

/** One fact that changed (`path` into the facts, e.g. "system.zenMode") or one finding whose outcome changed. */
export type DeviceChange =
  | { path: string; before: unknown; after: unknown }
  | { finding: string; before: string | null; after: string | null };

export type ReportSource = 'live' | 'capture' | 'bugreport';

export interface Report {
  schema: typeof REPORT_SCHEMA;
  generatedAt: string;
  tool: { name: 'push-doctor'; version: string };
  source: ReportSource;
  app?: string;
  /** The language the findings' texts are rendered in (absent: English, reports from before translation). */
  lang?: Locale;
  devices: DeviceReport[];
}
