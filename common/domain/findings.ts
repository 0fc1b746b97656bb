import type { Evidence } from './facts.js';

/** Ordered from worst to best: reports sort findings by this order (../shared/spec/report.md). */
export const SEVERITIES = ['error', 'warning', 'unknown', 'manual', 'info', 'ok'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at least as bad as `threshold` (used by `--fail-on`). */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) <= severityRank(threshold);
}

export interface Finding {
  /** Stable checklist id (../shared/spec/checklist.md), e.g. "dnd-on". */
  id: string;
  severity: Severity;
  title: string;
  /** One sentence on what was seen (or why it could not be read, for `unknown`). */
  detail: string;
  evidence: Evidence[];
  /** Written for a support engineer; empty for `ok`. */
  remedy: string;
  /** The FAQ section this step comes from. */
  faq: string;
  /** Id of a safe on-phone fix the workstation/CLI can apply (`fix --finding`), when one exists. */
  fixId?: string;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id));
}
