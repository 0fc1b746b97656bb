import { SEVERITIES, type Severity } from '../../common/domain/findings.js';
import type { translator } from '../../common/i18n/messages.js';

type T = ReturnType<typeof translator>;

/** A severity as the outcome a reader acts on ("Failed", "Passed"); a value this page does not know is shown as is. */
export function severityLabel(t: T, severity: string | null | undefined): string {
  if (!severity) return '—';
  return (SEVERITIES as readonly string[]).includes(severity) ? t(`severity.${severity as Severity}`) : severity;
}
