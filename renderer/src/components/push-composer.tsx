import { useEffect, useId } from 'react';
import { refKey, toRef, type DeviceRef } from '../../../common/domain/device.js';
import { localizeFinding } from '../../../common/i18n/render-finding.js';
import type { PushMessageFields, PushSendRequest } from '../../../common/ipc/contract.js';
import { PUSH_CONDITIONS, PUSH_ROUTE_CHOICES, PUSH_STAGES, type PushCondition, type PushRouteChoice } from '../../../common/push/route-ids.js';
import { checkPush, sendPush } from '../bridge.js';
import { useT } from '../i18n.js';
import { severityLabel } from '../severity-label.js';
import { useLocale } from '../stores/prefs-store.js';
import { usePushDraft, usePushRun, usePushStore, type ConditionTimeline, type PushDraft } from '../stores/push-store.js';
import { useCredentials } from '../stores/settings-store.js';

/**
 * The test-push composer on the phone view: route (with whether main holds its credentials), condition,
 * message fields, main's composer checks, Send, and a live timeline per condition. The page never sees a
 * credential or chooses a server: main takes both from its own store and Settings.
 */
export function PushComposer({ device, app }: { device: DeviceRef; app: string }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const phone = refKey(device);
  const run = usePushRun(phone);
  const credentials = useCredentials();
  const { route, condition, title, desc, channelId, token, click } = usePushDraft(phone);
  const edit = (patch: Partial<PushDraft>) => usePushStore.getState().editDraft(phone, patch);
  const appName = app.trim();
  const credSet = (r: PushRouteChoice) => r === 'local' || (credentials?.find((c) => c.route === r)?.set ?? false);
  const sending = run.status === 'sending';

  const message: PushMessageFields | null = appName ? {
    ref: toRef(device), app: appName, route,
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(desc.trim() ? { desc: desc.trim() } : {}),
    ...(channelId.trim() ? { channelId: channelId.trim() } : {}),
  } : null;
  const checkKey = message ? JSON.stringify(message) : '';
  useEffect(() => {
    if (!message) return undefined;
    // Checked in main against the phone's audited facts; a short pause so typing does not flood it.
    const timer = setTimeout(() => void checkPush(message), 250);
    return () => clearTimeout(timer);
  }, [checkKey]);

  const problems = (run.checks ?? []).filter((f) => f.severity !== 'ok').map((f) => localizeFinding(f, locale));
  const blocked = !message || !credSet(route);

  return (
    <section className="push-composer" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('ui.push.heading')}</h2>
      <p className="muted">{t('ui.push.help')}</p>
      <form
        className="push-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!message || blocked) return;
          const request: PushSendRequest = { ...message, condition, ...(click ? { click: true } : {}), ...(token.trim() && route !== 'local' ? { token: token.trim() } : {}) };
          void sendPush(request);
        }}
      >
        <label htmlFor={`${id}-route`}>{t('ui.push.route')}</label>
        <select id={`${id}-route`} value={route} onChange={(e) => edit({ route: e.target.value as PushRouteChoice })}>
          {PUSH_ROUTE_CHOICES.map((r) => (
            <option key={r} value={r}>
              {r === 'local' ? t('ui.push.route-local') : t('ui.push.route-option', { route: r, state: t(credSet(r) ? 'ui.push.cred-set' : 'ui.push.cred-missing') })}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-cond`}>{t('ui.push.condition')}</label>
        <select id={`${id}-cond`} value={condition} onChange={(e) => edit({ condition: e.target.value as PushCondition | 'all' })}>
          {PUSH_CONDITIONS.map((c) => <option key={c} value={c}>{t(`ui.push.condition.${c}`)}</option>)}
          <option value="all">{t('ui.push.condition.all')}</option>
        </select>
        <label htmlFor={`${id}-title`}>{t('ui.push.field.title')}</label>
        <input id={`${id}-title`} value={title} maxLength={200} onChange={(e) => edit({ title: e.target.value })} />
        <label htmlFor={`${id}-desc`}>{t('ui.push.field.desc')}</label>
        <input id={`${id}-desc`} value={desc} maxLength={1000} aria-describedby={`${id}-desc-hint`} onChange={(e) => edit({ desc: e.target.value })} />
        <span id={`${id}-desc-hint`} className="field-hint muted">{t('ui.push.field.desc-hint')}</span>
        <label htmlFor={`${id}-chan`}>{t('ui.push.field.channel')}</label>
        <input id={`${id}-chan`} value={channelId} maxLength={100} spellCheck={false} onChange={(e) => edit({ channelId: e.target.value })} />
        {route !== 'local' && (
          <>
            <label htmlFor={`${id}-token`}>{t('ui.push.field.token')}</label>
            <input id={`${id}-token`} value={token} spellCheck={false} autoComplete="off" aria-describedby={`${id}-token-hint`} onChange={(e) => edit({ token: e.target.value })} />
            <span id={`${id}-token-hint`} className="field-hint muted">{t('ui.push.field.token-hint')}</span>
          </>
        )}
        <label className="push-click">
          <input type="checkbox" checked={click} onChange={(e) => edit({ click: e.target.checked })} /> {t('ui.push.click')}
        </label>
        {message && run.checks && (
          <div className="push-checks" role="group" aria-live="polite" aria-label={t('ui.push.checks')}>
            <strong>{t('ui.push.checks')}</strong>
            {problems.length === 0
              ? <p className="muted">{t('ui.push.checks-ok')}</p>
              : <ul>{problems.map((f) => <li key={f.id} className={`sev-${f.severity}`}><span className={`badge badge-${f.severity}`}>{severityLabel(t, f.severity)}</span> {f.detail}{f.remedy ? ` ${f.remedy}` : ''}</li>)}</ul>}
          </div>
        )}
        <div className="push-actions">
          <button type="submit" className="primary" disabled={blocked || sending}>{sending ? t('ui.push.sending') : t('ui.push.send')}</button>
          {!appName && <span className="muted">{t('ui.push.needs-app')}</span>}
          {appName && !credSet(route) && <span className="muted">{t('ui.push.needs-creds', { route })}</span>}
        </div>
      </form>
      {run.status === 'failed' && run.error && (
        <div className="notice notice-error" role="alert">
          <strong>{t('ui.push.failed')} {run.error.message}</strong>
          {run.error.hint && <p>{run.error.hint}</p>}
        </div>
      )}
      {run.timelines.length > 0 && (
        <div className="push-timelines" aria-live="polite">
          {run.timelines.map((tl) => <Timeline key={tl.condition} timeline={tl} />)}
        </div>
      )}
      {run.result && run.result.notes.length > 0 && <ul className="muted push-notes">{run.result.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
    </section>
  );
}

function Timeline({ timeline }: { timeline: ConditionTimeline }) {
  const t = useT();
  const locale = useLocale();
  const name = timeline.condition === '-' ? t('ui.push.condition-none') : t(`ui.push.condition.${timeline.condition as PushCondition}`);
  const stopped = timeline.stages.find((s) => !s.ok);
  const posted = timeline.stages.find((s) => s.stage === 'posted' && s.ok);
  return (
    <figure className="push-timeline">
      <figcaption>{t('ui.push.timeline', { condition: name })}</figcaption>
      <ol>
        {PUSH_STAGES.filter((s) => s !== 'clicked' || timeline.stages.some((x) => x.stage === 'clicked')).map((name) => {
          const s = timeline.stages.find((x) => x.stage === name);
          const state = !s ? 'pending' : s.ok ? 'ok' : 'stopped';
          return (
            <li key={name} className={`stage stage-${state}`} data-stage={name}>
              <span className="stage-name">{t(`ui.push.stage.${name}`)}</span>
              <span className="stage-time">
                {!s ? t('ui.push.stage-pending') : s.sinceSentMs === null ? new Date(s.at).toLocaleTimeString(locale) : t('ui.push.after', { ms: s.sinceSentMs })}
              </span>
              {s && !s.ok && s.reason && <span className="stage-reason">{t('ui.push.stopped', { reason: s.reason })}</span>}
            </li>
          );
        })}
      </ol>
      {posted?.sinceSentMs !== null && posted !== undefined && <p className="push-latency">{t('ui.push.latency', { ms: posted.sinceSentMs ?? 0 })}</p>}
      {stopped && stopped.stage !== 'displayed' && stopped.stage !== 'clicked' && <p className="push-latency">{t('ui.push.not-posted', { reason: stopped.reason ?? '?' })}</p>}
    </figure>
  );
}
