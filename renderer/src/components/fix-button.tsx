import { refKey, type DeviceRef } from '../../../common/domain/device.js';
import { FIXES, type FixId } from '../../../common/fixes/fix-catalog.js';
import { fixTitleKey } from '../../../common/i18n/fix-keys.js';
import { cancelFix, planFix } from '../bridge.js';
import { useT } from '../i18n.js';
import { severityLabel } from '../severity-label.js';
import { fixKey, useFix } from '../stores/fix-store.js';

/**
 * "Fix on the phone" (or "Open on the phone" for a screen only a person can act on): fetches main's plan,
 * which the confirmation dialog shows; after it ran, shows before → after of the re-checked step.
 */
export function FixButton({ device, app, finding, fix, disabled }: { device: DeviceRef; app: string | null; finding: string; fix: FixId; disabled: boolean }) {
  const t = useT();
  const phone = refKey(device);
  const state = useFix(fixKey(phone, finding));
  const opensScreen = !FIXES[fix].changesState;
  const busy = state?.phase === 'planning' || state?.phase === 'running' || state?.phase === 'confirm';
  const title = t(fixTitleKey(fix));
  const label = opensScreen ? t('ui.fix.open', { title }) : t('ui.fix.run', { title });
  return (
    <div className="fix">
      <button
        type="button"
        className="fix-button"
        disabled={disabled || busy}
        data-fix={fix}
        onClick={() => void planFix({ ref: device, ...(app ? { app } : {}), finding, fix })}
      >
        {state?.phase === 'running' ? t('ui.fix.running') : label}
      </button>
      {state?.phase === 'failed' && state.error && (
        <div className="fix-result fix-failed" role="alert">
          {state.error.message}
          {state.error.hint && ` ${state.error.hint}`}
          {' '}
          <button type="button" className="link-button" onClick={() => cancelFix(phone, finding)}>{t('ui.dismiss')}</button>
        </div>
      )}
      {state?.outcome && (state.phase === 'done' || state.phase === 'failed') && (
        <div className={`fix-result ${state.outcome.record.ok ? 'fix-done' : 'fix-failed'}`} role="status">
          {state.outcome.after ? (
            <span>
              {t('ui.fix.rechecked')}{' '}
              <span className={`pill pill-${state.outcome.before?.severity ?? 'unknown'}`}>{severityLabel(t, state.outcome.before?.severity)}</span>
              {' → '}
              <span className={`pill pill-${state.outcome.after.severity}`}>{severityLabel(t, state.outcome.after.severity)}</span>
            </span>
          ) : state.outcome.record.ok ? (
            <span>{t('ui.fix.opened')}</span>
          ) : (
            <span>{t('ui.fix.not-done')}</span>
          )}
          <code className="fix-command">{state.outcome.record.command}</code>
          {state.outcome.output.trim() && <pre className="fix-output">{state.outcome.output.trim()}</pre>}
        </div>
      )}
    </div>
  );
}
