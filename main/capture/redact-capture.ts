import type { RawOutput } from '../../common/domain/raw-output.js';
import { redactText, redactToken } from '../report/redact.js';

/**
 * `capture --redact`: the same stable hashes a redacted report uses, applied to the saved files
 * themselves, so a capture can leave the building and still line up with a redacted report.
 */
export function redactCapture(outputs: readonly RawOutput[], serial: string): RawOutput[] {
  return outputs.map((o) => ({ ...o, text: o.text === null ? null : redactText(o.text, [serial]) }));
}

export function redactedSerial(serial: string): string {
  return redactToken('serial', serial);
}
