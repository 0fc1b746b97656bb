import type { FactSheet } from '../../common/domain/facts.js';
import { sortFindings, type Finding } from '../../common/domain/findings.js';
import { appliesTo, CHECKLIST } from '../../common/checklist/checklist.js';
import { concludeFacts } from './conclude.js';
import { RULES } from './rules/index.js';
import type { RuleContext } from './rules/rule.js';
import { vendorOf } from '../../common/vendors/vendor-table.js';

export interface DiagnoseOptions {
  /** Package of the app under test; app steps are skipped without one. */
  app: string | null;
}

export interface Diagnosis {
  /** The sheet with the diagnosis's conclusions filled in (push channel, notifications effectively on): what the report carries. */
  sheet: FactSheet;
  findings: Finding[];
}

/**
 * Draws the conclusions (conclude.ts), then runs every rule the checklist marks as diagnosed and returns the
 * findings worst first, `ok` included, so a reader sees what was checked and passed. Steps that do not apply
 * to the phone's channel are left out.
 */
export function diagnose(probed: FactSheet, { app }: DiagnoseOptions): Diagnosis {
  const sheet = concludeFacts(probed);
  const channel = sheet.facts.pushChannel;
  const ctx: RuleContext = { sheet, vendor: vendorOf(channel), app };
  const findings: Finding[] = [];
  for (const entry of CHECKLIST) {
    const rule = RULES[entry.id];
    if (!entry.diagnosed || !rule || !appliesTo(entry, channel)) continue;
    const found = rule(ctx);
    if (found) findings.push(found);
  }
  return { sheet, findings: sortFindings(findings) };
}
