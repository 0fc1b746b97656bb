import { setMaxListeners } from 'node:events';
import { HINTS } from '../adb/adb-errors.js';
import { DevicePortError, type DevicePort, type DeviceRef } from '../adb/device-port.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { DeviceError } from '../../common/domain/report.js';
import type { ProgressSink } from '../../common/domain/progress.js';

export interface ProbeSpec {
  id: string;
  command: string;
}

export interface LiveCollection {
  outputs: RawOutput[];
  read: string[];
  missing: string[];
  errors: DeviceError[];
}

export interface CollectOptions {
  onProgress?: ProgressSink;
  signal?: AbortSignal;
  /**
   * One deadline for the whole phone, not per command: every probe runs at once (concurrency = number of
   * probes unless given), so a phone that never answers costs this long once, and the errors say so.
   * Default 30 s.
   */
  deadlineMs?: number;
  concurrency?: number;
}

export const PHONE_DEADLINE_MS = 30_000;

/**
 * Runs every probe on one phone in one concurrent batch and keeps what each returned. A probe that
 * fails keeps its error next to the others' outputs, so a phone lost mid-audit still reports what
 * was read before it went.
 */
export async function collectLive(
  port: Pick<DevicePort, 'shellBatch'>,
  ref: DeviceRef,
  probes: readonly ProbeSpec[],
  options: CollectOptions = {},
): Promise<LiveCollection> {
  const deadlineMs = options.deadlineMs ?? PHONE_DEADLINE_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DevicePortError('TIMEOUT',
    `${ref.serial} did not answer within ${deadlineMs} ms (the deadline for reading one phone)`, HINTS.timeout)), deadlineMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline.signal]) : deadline.signal;
  // Every probe's stream listens on this one signal; more than Node's default of 10 is expected, not a leak.
  setMaxListeners(probes.length + 10, signal);
  let done = 0;
  let items;
  try {
    items = await port.shellBatch(
      ref,
      probes.map((p) => p.command),
      {
        signal,
        // The per-command timeout is the phone's deadline: the signal above ends them all together.
        timeoutMs: deadlineMs + 1_000,
        concurrency: options.concurrency ?? Math.max(1, probes.length),
        onItem: (index, item) => {
          done++;
          const probe = probes[index];
          if (probe) options.onProgress?.({ type: 'probe-done', ref, serial: ref.serial, probe: probe.id, ok: item.ok, done, total: probes.length });
        },
      },
    );
  } finally {
    clearTimeout(timer);
  }
  const collection: LiveCollection = { outputs: [], read: [], missing: [], errors: [] };
  items.forEach((item, index) => {
    const probe = probes[index] as ProbeSpec;
    if (item.ok) {
      collection.read.push(probe.id);
      collection.outputs.push({ command: probe.command, text: item.result.output, exitCode: item.result.exitCode, durationMs: item.result.durationMs });
    } else {
      collection.missing.push(probe.id);
      collection.outputs.push({ command: probe.command, text: null, exitCode: null, error: item.error.message });
      collection.errors.push({ code: item.error.code, message: item.error.message, during: `probe:${probe.id}` });
    }
  });
  return collection;
}
