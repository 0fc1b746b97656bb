import type { DeviceRef } from './device.js';
import type { DeviceState, ErrorCode } from './report.js';
import type { Severity } from './findings.js';

/** Streamed while an audit runs, so the UI and the CLI can show each phone's progress. */
/** Every event names its phone by `ref` (the serial alone can be shared); `serial` stays for readers. */
export type AuditProgress =
  | { type: 'device-started'; ref: DeviceRef; serial: string; server: string; probes: number }
  | { type: 'probe-done'; ref: DeviceRef; serial: string; probe: string; ok: boolean; done: number; total: number }
  /** The app's APK coming off the phone (base.apk, then each split); `total` null when the phone gave no size. */
  | { type: 'apk-pull'; ref: DeviceRef; serial: string; remotePath: string; bytes: number; total: number | null }
  | {
    type: 'device-finished'; ref: DeviceRef; serial: string; state: DeviceState; counts: Partial<Record<Severity, number>>;
    /** The error codes that kept probes from being read, when any (the phone was not fully read). */
    errors?: ErrorCode[];
  };

export type ProgressSink = (event: AuditProgress) => void;
