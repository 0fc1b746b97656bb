import { verdictOf } from '../../../common/checklist/verdict.js';
import type { DeviceReport } from '../../../common/domain/report.js';
import { useT } from '../i18n.js';
import { useLocale } from '../stores/prefs-store.js';

/** The one sentence first: what blocks the push on this phone and what to do first (verdictOf, root causes first). */
export function VerdictBanner({ report }: { report: DeviceReport }) {
  const t = useT();
  const locale = useLocale();
  const verdict = verdictOf(report.findings, report.state, locale);
  const titleOf = (id: string): string => report.findings.find((f) => f.id === id)?.title ?? id;
  return (
    <section className={`verdict verdict-${verdict.severity}`} aria-labelledby="verdict-headline" data-testid="verdict">
      <h2 id="verdict-headline" className="verdict-headline">{verdict.headline}</h2>
      {verdict.firstStep && (
        <p className="verdict-first">
          <strong>{t('report.do-first')}</strong> {verdict.firstStep}
          {verdict.findingId && (
            <>
              {' '}
              <a href={`#step-${verdict.findingId}`}>{t('ui.verdict.go-to-step')}</a>
            </>
          )}
        </p>
      )}
      {verdict.explains.length > 0 && (
        <p className="verdict-explains">{t('ui.verdict.explains', { findings: verdict.explains.map((id) => `“${titleOf(id)}”`).join(', ') })}</p>
      )}
    </section>
  );
}
