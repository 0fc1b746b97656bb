import type { RawOutput } from '../../common/domain/raw-output.js';
import type { Finding } from '../../common/domain/findings.js';
import { diagnoseOutputs } from '../audit/diagnose-outputs.js';
import { normalizeCommandLine } from '../probes/command-grammar.js';
import { probePlan, type Probe } from '../probes/probe-plan.js';

/**
 * The probes a finding needs re-run after its fix, worked out from what the probe modules produced rather
 * than kept as a second list beside them:
 * 1. the commands the finding cites as evidence (each fact's evidence names the command its module ran);
 * 2. for a finding that cites nothing (an `unknown` whose output was missing or unreadable), the probes
 *    whose output changes the finding when it is left out of the last audit's outputs.
 * Either way only those probes run again; every other output of the last audit is kept as read.
 */
export function probesForFinding(findingId: string, outputs: readonly RawOutput[], app: string | null): Probe[] {
  const plan = probePlan(app);
  const current = diagnoseOutputs(outputs, app).findings.find((f) => f.id === findingId) ?? null;
  if (current) {
    const cited = new Set(current.evidence.map((e) => normalizeCommandLine(e.command)));
    const byEvidence = plan.filter((p) => cited.has(normalizeCommandLine(p.command)));
    if (byEvidence.length > 0) return byEvidence;
  }
  const signature = (f: Finding | null | undefined): string => (f ? `${f.severity}\n${f.detail}` : 'absent');
  const base = signature(current);
  return plan.filter((probe) => {
    const command = normalizeCommandLine(probe.command);
    const without = outputs.filter((o) => normalizeCommandLine(o.command) !== command);
    const read = outputs.some((o) => normalizeCommandLine(o.command) === command && o.text !== null);
    if (!read) {
      // Not read in the last audit: it is needed when having it could change the finding, which an unknown
      // finding whose output went missing is exactly.
      return current?.severity === 'unknown';
    }
    return signature(diagnoseOutputs(without, app).findings.find((f) => f.id === findingId)) !== base;
  });
}

/** The last audit's outputs with the re-read ones in place of what they answer. */
export function mergeOutputs(previous: readonly RawOutput[], reread: readonly RawOutput[]): RawOutput[] {
  const replaced = new Set(reread.map((o) => normalizeCommandLine(o.command)));
  return [...previous.filter((o) => !replaced.has(normalizeCommandLine(o.command))), ...reread];
}
