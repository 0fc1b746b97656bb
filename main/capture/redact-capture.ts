import type { RawOutput } from '../../common/domain/raw-output.js';
import type { Redactor } from '../report/redact.js';

/**
 * `capture --redact`: the redactor a redacted report uses, applied to the saved files themselves (getprop's
 * hardware ids included, learnt first so they are replaced in every other file too), so a capture can leave
 * the building and still line up with a redacted report.
 */
export function redactCapture(outputs: readonly RawOutput[], serial: string, redactor: Redactor): { outputs: RawOutput[]; serial: string } {
  redactor.learn('serial', serial, true);
  const redacted = redactor.outputs(outputs);
  return { outputs: redacted, serial: redactor.text(serial) };
}
