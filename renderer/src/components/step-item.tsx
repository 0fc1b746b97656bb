import type { DeviceRef } from '../../../common/domain/device.js';
import type { ManualAnswer } from '../../../common/domain/report.js';
import type { Step } from '../checklist-view.js';
import { asksEngineer } from '../checklist-view.js';
import { useT } from '../i18n.js';
import { checkTitle } from '../localized.js';
import { useLocale } from '../stores/prefs-store.js';
import { severityLabel } from '../severity-label.js';
import { fixKey, useFix } from '../stores/fix-store.js';
import { EvidenceBlock } from './evidence.js';
import { FixButton } from './fix-button.js';
import { ManualAnswerForm } from './manual-answer.js';

const NOT_CHECKED = {
  'auto-phone': 'ui.step.not-read',
  'auto-apk': 'ui.step.by-apk',
  'test-push': 'ui.step.by-test-push',
  manual: 'ui.step.ask',
} as const;

export function StepItem({ step, phone, device, app, answer, causedBy, live }: {
  step: Step; phone: string; device: DeviceRef; app: string | null; answer: ManualAnswer | null;
  /** Title of the failing step that explains this one, when it is a consequence. */
  causedBy: string | null;
  /** The phone is connected and ready, so a fix or an answer can be sent. */
  live: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const fixState = useFix(fixKey(phone, step.id));
  const { finding, entry, state } = step;
  const title = finding?.title ?? (entry ? checkTitle(locale, step.id, entry.title) : step.id);
  const actionable = state === 'error' || state === 'warning';
  // After a fix passed, the finding may no longer name one; the result stays next to the step.
  const fix = (actionable ? step.fix : null) ?? fixState?.plan?.fix ?? null;
  return (
    <li id={`step-${step.id}`} className={`step step-${state}`} data-step={step.id} tabIndex={-1}>
      <div className="step-head">
        <span className={`pill pill-${state}`}>{state === 'not-checked' ? t('ui.step.not-checked') : severityLabel(t, state)}</span>
        <span className="step-title">{title}</span>
      </div>
      {causedBy && <p className="step-follows">{t('ui.step.follows', { finding: causedBy })}</p>}
      {finding?.detail ? <p className="step-detail">{finding.detail}</p> : !finding && <p className="step-detail muted">{t(NOT_CHECKED[step.answeredBy])}</p>}
      {finding?.remedy && state !== 'ok' && (
        <p className="step-remedy">
          <strong>{t('report.what-to-do')}</strong> {finding.remedy}
        </p>
      )}
      {finding && <EvidenceBlock evidence={finding.evidence} />}
      {fix && <FixButton device={device} app={app} finding={step.id} fix={fix} disabled={!live} />}
      {asksEngineer(step) && (
        <ManualAnswerForm device={device} finding={step.id} question={t('ui.answer.question', { checks: entry && locale === 'en' ? entry.checks : title })} saved={answer} disabled={!live && !answer} />
      )}
    </li>
  );
}
