import { useEffect, useState } from 'react';
import { refKey } from '../../../common/domain/device.js';
import type { DeviceListItem } from '../../../common/ipc/contract.js';
import { auditPhone } from '../bridge.js';
import { STATE_BADGES, channelName, channelOf, identityLine, stateAction } from '../device-states.js';
import { useT } from '../i18n.js';
import { useLocalizedReport } from '../localized.js';
import { AppPicker } from '../components/app-picker.js';
import { ChangesList } from '../components/changes-list.js';
import { Checklist } from '../components/checklist.js';
import { VerdictBanner } from '../components/verdict-banner.js';
import { PushComposer } from '../components/push-composer.js';
import { useAuditRun } from '../stores/audit-store.js';
import { useSelectedDevice } from '../stores/device-store.js';
import { phoneKey, useAppFor, useLocale } from '../stores/prefs-store.js';

export function PhoneView() {
  const t = useT();
  const device = useSelectedDevice();
  if (!device) {
    return (
      <div className="empty">
        <p>{t('ui.select-phone')}</p>
      </div>
    );
  }
  // Keyed by phone, so the app field starts from that phone's remembered app.
  return <PhonePane key={refKey(device)} device={device} />;
}

function PhonePane({ device }: { device: DeviceListItem }) {
  const t = useT();
  const locale = useLocale();
  const key = refKey(device);
  const run = useAuditRun(key);
  const remembered = useAppFor(phoneKey(device));
  const [app, setApp] = useState(remembered);
  useEffect(() => setApp(remembered), [remembered]);
  const ready = device.state === 'device';
  const running = run?.status === 'running';
  const report = useLocalizedReport(run?.report ?? null);
  const { channel } = channelOf(device, report);
  const badge = STATE_BADGES[device.state];
  const action = stateAction(device.state, locale);

  return (
    <div className="phone-pane">
      <header className="pane-header">
        <div>
          <h1>{identityLine(device) || device.serial}</h1>
          <p className="muted">
            {t('ui.phone-meta', { serial: device.serial, server: device.server })} · <span className={`badge badge-${device.state}`}>{t(badge.label)}</span>
            {channel && <> · {t('ui.channel', { channel: channelName(channel) })}</>}
          </p>
        </div>
        <form
          className="audit-form"
          onSubmit={(e) => {
            e.preventDefault();
            void auditPhone(device, app);
          }}
        >
          <AppPicker device={device} value={app} onChange={setApp} />
          <button type="submit" className="primary" disabled={running || !ready}>
            {running ? t('ui.auditing') : report ? t('ui.audit-again') : t('ui.audit')}
          </button>
        </form>
      </header>
      {action && (
        <div className={`notice ${device.state === 'gone' || device.state === 'offline' ? 'notice-error' : 'notice-warning'}`} role="alert">
          <strong>{t(`ui.state-notice.${device.state as Exclude<typeof device.state, 'device'>}`)}</strong>
          <p>{action}</p>
          {report && <p>{t('ui.kept-report')}</p>}
        </div>
      )}
      {running && (
        <div className="progress" role="status">
          <progress max={run.total || 1} value={run.done} aria-label={t('ui.reading')} />
          <span>
            {t('ui.reading-progress', { done: run.done, total: run.total || '?' })}
            {run.lastStep ? ` (${run.lastStep})` : ''}
          </span>
        </div>
      )}
      {run?.status === 'failed' && run.error && (
        <div className="notice notice-error" role="alert">
          <strong>{run.error.message}</strong>
          {run.error.hint && <p>{run.error.hint}</p>}
          {report && <p>{t('ui.kept-report')}</p>}
        </div>
      )}
      {report && (
        <>
          <VerdictBanner report={report} />
          {report.probes && report.probes.missing.length > 0 && (
            <p className="notice notice-warning">{t('report.not-read', { probes: report.probes.missing.join(', ') })}</p>
          )}
          {report.errors.length > 0 && (
            <details className="report-errors">
              <summary>{t('report.errors')} ({report.errors.length})</summary>
              <ul>{report.errors.map((e, i) => <li key={i}><code>{e.code}</code> {e.message}{e.during ? ` (${t('report.during', { during: e.during })})` : ''}</li>)}</ul>
            </details>
          )}
          <ChangesList report={report} />
          <Checklist report={report} channel={channel} phone={key} device={report.ref ?? device} app={run?.app ?? null} live={ready && !running} />
        </>
      )}
      {!report && !running && ready && <p className="muted hint-start">{t('ui.start-hint')}</p>}
      {ready && <PushComposer device={device} app={app} />}
    </div>
  );
}
