import type { DevicePort } from '../adb/device-port.js';
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

/**
 * Runs every probe on one phone in one concurrent batch and keeps what each returned. A probe that
 * fails keeps its error next to the others' outputs, so a phone lost mid-audit still reports what
 * was read before it went.
 */
export async function collectLive(
  port: DevicePort,
  serial: string,
  probes: readonly ProbeSpec[],
  options: { onProgress?: ProgressSink; signal?: AbortSignal; timeoutMs?: number; concurrency?: number } = {},
): Promise<LiveCollection> {
  let done = 0;
  const items = await port.shellBatch(
    serial,
    probes.map((p) => p.command),
    {
      ...(options.signal ? { signal: options.signal } : {}),
      timeoutMs: options.timeoutMs ?? 30_000,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      onItem: (index, item) => {
        done++;
        const probe = probes[index];
        if (probe) options.onProgress?.({ type: 'probe-done', serial, probe: probe.id, ok: item.ok, done, total: probes.length });
      },
    },
  );
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
