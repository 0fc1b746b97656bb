import { checklistEntry, CHECKLIST } from '../../../common/checklist/checklist.js';
import type { DeviceReport } from '../../../common/domain/report.js';
import { useT } from '../i18n.js';
import { severityLabel } from '../severity-label.js';
import { useLocale } from '../stores/prefs-store.js';

const KNOWN = new Set(CHECKLIST.map((e) => e.id));
const shown = (value: unknown): string => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** What changed since this phone's previous audit (main attaches it to the report it returns). */
export function ChangesList({ report }: { report: DeviceReport }) {
  const t = useT();
  const locale = useLocale();
  if (report.changes === undefined) return null;
  if (!report.previousAuditAt) return <p className="changes muted">{t('report.first-audit')}</p>;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(report.previousAuditAt));
  if (report.changes.length === 0) return <p className="changes muted">{t('report.no-changes', { time })}</p>;
  return (
    <details className="changes" open>
      <summary>{t('report.changes', { time })}</summary>
      <ChangeItems changes={report.changes} />
    </details>
  );
}

/** The changes themselves, one line each: a finding's state before → after, or a fact's value before → after. */
export function ChangeItems({ changes }: { changes: NonNullable<DeviceReport['changes']> }) {
  const t = useT();
  return (
    <ul>
      {changes.map((c, i) => (
        'finding' in c ? (
          <li key={i}>
            {KNOWN.has(c.finding) ? checklistEntry(c.finding).title : c.finding}:{' '}
            <span className="change-before">{severityLabel(t, c.before)}</span> →{' '}
            <span className="change-after">{severityLabel(t, c.after)}</span>
          </li>
        ) : (
          <li key={i}>
            <code>{c.path}</code>: <span className="change-before">{shown(c.before)}</span> → <span className="change-after">{shown(c.after)}</span>
          </li>
        )
      ))}
    </ul>
  );
}
