import { appliesTo, CHECKLIST, type AnswerKind, type ChecklistEntry, type ChecklistSection } from '../../common/checklist/checklist.js';
import type { PushChannel } from '../../common/domain/facts.js';
import type { Finding, Severity } from '../../common/domain/findings.js';
import type { DeviceReport } from '../../common/domain/report.js';
import { FIX_IDS, type FixId } from '../../common/fixes/fix-catalog.js';

/** One step of the checklist as the workstation shows it: the catalog's entry and what the audit found for it. */
export interface Step {
  id: string;
  entry: ChecklistEntry | null;
  finding: Finding | null;
  /** The finding's severity, or "not-checked" when this audit did not answer the step. */
  state: Severity | 'not-checked';
  answeredBy: AnswerKind;
  fix: FixId | null;
}

export interface StepGroup {
  section: ChecklistSection | 'other';
  steps: Step[];
}

const isFixId = (id: string | undefined): id is FixId => id !== undefined && (FIX_IDS as readonly string[]).includes(id);

/**
 * The spec's steps in the FAQ's order, grouped by its sections, that apply to the phone's channel; findings
 * the catalog does not list (a newer main) go last under "other", so nothing main found is hidden.
 */
export function checklistSteps(report: DeviceReport | null, channel: PushChannel | null): StepGroup[] {
  const findings = new Map((report?.findings ?? []).map((f) => [f.id, f]));
  const groups = new Map<ChecklistSection | 'other', Step[]>();
  const add = (section: ChecklistSection | 'other', step: Step): void => {
    const list = groups.get(section) ?? [];
    list.push(step);
    groups.set(section, list);
  };
  const listed = new Set<string>();
  for (const entry of CHECKLIST) {
    listed.add(entry.id);
    const finding = findings.get(entry.id) ?? null;
    // A step for another channel is left out, unless the audit answered it anyway.
    if (!finding && !appliesTo(entry, channel)) continue;
    add(entry.section, {
      id: entry.id, entry, finding, state: finding?.severity ?? 'not-checked', answeredBy: entry.answeredBy,
      fix: isFixId(finding?.fixId) ? finding.fixId : null,
    });
  }
  for (const finding of report?.findings ?? []) {
    if (listed.has(finding.id)) continue;
    add('other', { id: finding.id, entry: null, finding, state: finding.severity, answeredBy: 'auto-phone', fix: isFixId(finding.fixId) ? finding.fixId : null });
  }
  return [...groups.entries()].map(([section, steps]) => ({ section, steps }));
}

/** A step the engineer answers: the catalog says so, or the audit left it to them. */
export function asksEngineer(step: Step): boolean {
  return step.state === 'manual' || (step.answeredBy === 'manual' && step.finding !== null && step.state !== 'ok');
}

/** How many steps are in each state, for the summary line. */
export function stateCounts(groups: readonly StepGroup[]): Partial<Record<Step['state'], number>> {
  const counts: Partial<Record<Step['state'], number>> = {};
  for (const g of groups) for (const s of g.steps) counts[s.state] = (counts[s.state] ?? 0) + 1;
  return counts;
}
