import { verdictOf } from '../../../common/checklist/verdict.js';
import type { DeviceRef } from '../../../common/domain/device.js';
import type { PushChannel } from '../../../common/domain/facts.js';
import type { DeviceReport } from '../../../common/domain/report.js';
import { checklistSteps, stateCounts } from '../checklist-view.js';
import { useT } from '../i18n.js';
import { useFixStore } from '../stores/fix-store.js';
import { usePrefsStore } from '../stores/prefs-store.js';
import { severityLabel } from '../severity-label.js';
import { StepItem } from './step-item.js';

const ORDER = ['error', 'warning', 'unknown', 'manual', 'info', 'ok', 'not-checked'] as const;
const ATTENTION = ['error', 'warning', 'unknown', 'manual'] as const;

/** The spec's steps in the FAQ's order, grouped by section, each with its state, evidence, remedy and fix. */
export function Checklist({ report, channel, phone, device, app, live }: {
  report: DeviceReport; channel: PushChannel | null; phone: string; device: DeviceRef; app: string | null; live: boolean;
}) {
  const t = useT();
  const all = checklistSteps(report, channel);
  const counts = stateCounts(all);
  const onlyAttention = usePrefsStore((s) => s.onlyAttention);
  const setOnlyAttention = usePrefsStore((s) => s.setOnlyAttention);
  // A step fixed a moment ago stays in view with its before → after, even once it passes.
  const fixed = useFixStore((s) => Object.keys(s.fixes).filter((k) => k.startsWith(`${phone}::`)).map((k) => k.slice(phone.length + 2)).join('\n'));
  const touched = new Set(fixed.split('\n'));
  const attention = (ATTENTION as readonly string[]);
  const groups = onlyAttention
    ? all.map((g) => ({ ...g, steps: g.steps.filter((s) => attention.includes(s.state) || touched.has(s.id)) })).filter((g) => g.steps.length > 0)
    : all;
  const needing = ATTENTION.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const verdict = verdictOf(report.findings, report.state);
  const firstTitle = verdict.findingId ? report.findings.find((f) => f.id === verdict.findingId)?.title ?? null : null;
  const answers = new Map((report.answers ?? []).map((a) => [a.finding, a]));
  return (
    <div className="checklist">
      <label className="check attention-toggle">
        <input type="checkbox" checked={onlyAttention} onChange={(e) => setOnlyAttention(e.target.checked)} />
        {t('ui.checklist.only-attention', { count: needing })}
      </label>
      <p className="checklist-summary">
        {ORDER.filter((s) => counts[s]).map((s) => (
          <span key={s} className={`pill pill-${s}`}>
            {s === 'not-checked' ? t('ui.step.not-checked') : severityLabel(t, s)} {counts[s]}
          </span>
        ))}
      </p>
      {groups.length === 0 && <p className="muted">{t('ui.checklist.nothing')}</p>}
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
