import { verdictOf } from '../../../common/checklist/verdict.js';
import type { DeviceRef } from '../../../common/domain/device.js';
import type { PushChannel } from '../../../common/domain/facts.js';
import type { DeviceReport } from '../../../common/domain/report.js';
import { checklistSteps, stateCounts } from '../checklist-view.js';
import { useT } from '../i18n.js';
import { severityLabel } from '../severity-label.js';
import { StepItem } from './step-item.js';

const ORDER = ['error', 'warning', 'unknown', 'manual', 'info', 'ok', 'not-checked'] as const;

/** The spec's steps in the FAQ's order, grouped by section, each with its state, evidence, remedy and fix. */
export function Checklist({ report, channel, phone, device, app, live }: {
  report: DeviceReport; channel: PushChannel | null; phone: string; device: DeviceRef; app: string | null; live: boolean;
}) {
  const t = useT();
  const groups = checklistSteps(report, channel);
  const counts = stateCounts(groups);
  const verdict = verdictOf(report.findings, report.state);
  const firstTitle = verdict.findingId ? report.findings.find((f) => f.id === verdict.findingId)?.title ?? null : null;
  const answers = new Map((report.answers ?? []).map((a) => [a.finding, a]));
  return (
    <div className="checklist">
      <p className="checklist-summary">
        {ORDER.filter((s) => counts[s]).map((s) => (
          <span key={s} className={`pill pill-${s}`}>
            {s === 'not-checked' ? t('ui.step.not-checked') : severityLabel(t, s)} {counts[s]}
          </span>
        ))}
      </p>
      {groups.map(({ section, steps }) => (
        <section key={section} className="checklist-section" aria-labelledby={`section-${section}`}>
          <h3 id={`section-${section}`}>{section === 'other' ? t('section.other') : `${section}. ${t(`section.${section}`)}`}</h3>
          <ol className="steps">
            {steps.map((step) => (
              <StepItem
                key={step.id}
                step={step}
                phone={phone}
                device={device}
                app={app}
                answer={answers.get(step.id) ?? null}
                causedBy={verdict.explains.includes(step.id) ? firstTitle : null}
                live={live}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
