import type { FactSheet } from '../../common/domain/facts.js';
import { sortFindings, type Finding } from '../../common/domain/findings.js';
import { appliesTo, CHECKLIST } from '../../common/checklist/checklist.js';
import { RULES } from './rules/index.js';
import { channelOf, type RuleContext } from './rules/rule.js';
import { vendorOf } from '../../common/vendors/vendor-table.js';

export interface DiagnoseOptions {
  /** Package of the app under test; app steps are skipped without one. */
  app: string | null;
}

/**
 * Runs every rule the checklist marks as diagnosed and returns the findings worst first, `ok` included, so a
 * reader sees what was checked and passed. Steps that do not apply to the phone's channel are left out.
 */
export function diagnose(sheet: FactSheet, { app }: DiagnoseOptions): Finding[] {
  const channel = channelOf(sheet);
  const ctx: RuleContext = { sheet, vendor: vendorOf(channel), app };
  const findings: Finding[] = [];
  for (const entry of CHECKLIST) {
    const rule = RULES[entry.id];
    if (!entry.diagnosed || !rule || !appliesTo(entry, channel)) continue;
    const found = rule(ctx);
    if (found) findings.push(found);
  }
  return sortFindings(findings);
}
