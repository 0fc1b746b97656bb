import type { FactSheet } from '../../common/domain/facts.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import { assembleFacts } from '../probes/assemble-facts.js';
import { probePlan } from '../probes/probe-plan.js';

/**
 * The one path from raw outputs to facts, shared by live audits, captures and bug reports, so a
 * capture of a phone gives exactly the report the phone gives.
 */
export function sheetFromOutputs(outputs: readonly RawOutput[], app: string | null): FactSheet {
  return assembleFacts(outputs, app);
}

/** Which probes of the audit's plan the outputs answer, and which they lack (by probe id). */
export function probeCoverage(outputs: readonly RawOutput[], app: string | null): { read: string[]; missing: string[] } {
  const readCommands = new Set(outputs.filter((o) => o.text !== null).map((o) => o.command));
  const read: string[] = [];
  const missing: string[] = [];
  for (const probe of probePlan(app)) (readCommands.has(probe.command) ? read : missing).push(probe.id);
  return { read, missing };
}
