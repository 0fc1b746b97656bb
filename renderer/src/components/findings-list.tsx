import { SEVERITIES, type Finding, type Severity } from '../../../common/domain/findings.js';

const HEADINGS: Record<Severity, string> = {
  error: 'Errors: push cannot show',
  warning: 'Warnings: push may be delayed or silenced',
  unknown: 'Could not be read',
  manual: 'Needs your answer',
  info: 'Worth knowing',
  ok: 'Checked and fine',
};

/** What the check's outcome was: titles name the check, so a failed one must say it failed. */
const STATUS: Record<Severity, string> = {
  error: 'Failed',
  warning: 'At risk',
  unknown: 'Not read',
  manual: 'Ask',
  info: 'Note',
  ok: 'Passed',
};

export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  const groups = SEVERITIES.map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) }))
    .filter((g) => g.items.length > 0);
  if (groups.length === 0) return <p className="muted">The audit returned no findings.</p>;
  return (
    <div className="findings">
      {groups.map(({ severity, items }) => (
        <section key={severity} className={`finding-group finding-group-${severity}`} aria-label={HEADINGS[severity]}>
          <h3>
            {HEADINGS[severity]} <span className="count">{items.length}</span>
          </h3>
          <ul>
            {items.map((f) => (
              <li key={f.id} className="finding" data-finding-id={f.id}>
                <div className="finding-head">
                  <span className={`finding-status finding-status-${f.severity}`}>{STATUS[f.severity]}</span>
                  <div className="finding-title">{f.title}</div>
                </div>
                {f.detail && <div className="finding-detail">{f.detail}</div>}
                {f.remedy && (
                  <div className="finding-remedy">
                    <span className="finding-remedy-label">What to do: </span>
                    {f.remedy}
                  </div>
                )}
                {f.evidence.length > 0 && (
                  <details>
                    <summary>Evidence</summary>
                    {f.evidence.map((e, i) => (
                      <pre key={i}>
                        $ {e.command}
                        {'\n'}
                        {e.excerpt}
                      </pre>
                    ))}
                  </details>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
