import type { DeviceFacts, FactSheet } from '../../common/domain/facts.js';
import type { Finding } from '../../common/domain/findings.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import { assembleFacts, type AssembleExtras } from '../probes/assemble-facts.js';
import { probePlan } from '../probes/probe-plan.js';
import { diagnose } from '../diagnosis/diagnose.js';

/**
 * The one path from raw outputs to facts, shared by live audits, captures and bug reports, so a
 * capture of a phone gives exactly the report the phone gives.
 */
export function sheetFromOutputs(outputs: readonly RawOutput[], app: string | null, extras: AssembleExtras = {}): FactSheet {
  return assembleFacts(outputs, app, extras);
}

/** Which probes of the audit's plan the outputs answer, and which they lack (by probe id). */
export function probeCoverage(outputs: readonly RawOutput[], app: string | null, clickTarget: string | null = null): { read: string[]; missing: string[] } {
  const readCommands = new Set(outputs.filter((o) => o.text !== null).map((o) => o.command));
  const read: string[] = [];
  const missing: string[] = [];
  for (const probe of probePlan(app, { clickTarget })) (readCommands.has(probe.command) ? read : missing).push(probe.id);
  return { read, missing };
}

/**
 * Outputs → facts → findings: the audit stage diagnoses, the report stage only renders what this returns.
 * Live audits and `analyze` both come through here.
 */
export function diagnoseOutputs(outputs: readonly RawOutput[], app: string | null, extras: AssembleExtras = {}): { facts: DeviceFacts; findings: Finding[] } {
  const sheet = sheetFromOutputs(outputs, app, extras);
  const diagnosis = diagnose(sheet, { app });
  // The facts as the diagnosis concluded them (push channel, notifications effectively on).
  return { facts: diagnosis.sheet.facts, findings: diagnosis.findings };
}
