import { memo, useId, useMemo, useState } from 'react';
import { verdictOf } from '../../../common/checklist/verdict.js';
import { refKey } from '../../../common/domain/device.js';
import type { Finding } from '../../../common/domain/findings.js';
import { EXPORT_FORMATS, type DeviceListItem, type ExportFormat, type IpcError } from '../../../common/ipc/contract.js';
import { auditAll, exportReport } from '../bridge.js';
import { ChangeItems } from '../components/changes-list.js';
import { STATE_BADGES, identityLine } from '../device-states.js';
import { useT } from '../i18n.js';
import { localizeReport } from '../localized.js';
import { severityLabel } from '../severity-label.js';
import { useAuditRun, useAuditStore, type AuditRun } from '../stores/audit-store.js';
import { useDeviceStore, useDevices } from '../stores/device-store.js';
import { useLabStore } from '../stores/lab-store.js';
import { useLocale, usePrefsStore } from '../stores/prefs-store.js';

/** The checks a lab lead scans across phones; each column is one checklist id (a pair where one cause shows as two). */
export const KEY_CHECKS = [
  { key: 'permission', ids: ['post-notifications-denied'] },
  { key: 'notifications', ids: ['app-notifications-blocked', 'channel-blocked'] },
  { key: 'dnd', ids: ['dnd-on'] },
  { key: 'service', ids: ['push-service-missing', 'push-service-disabled', 'gms-missing', 'no-push-channel'] },
  { key: 'standby', ids: ['standby-restricted'] },
  { key: 'battery', ids: ['battery-optimized', 'background-restricted'] },
  { key: 'autostart', ids: ['autostart-denied'] },
] as const;

const RANK = ['error', 'warning', 'unknown', 'manual', 'info', 'ok'] as const;

/** A matrix is scanned, not read: one mark per cell, its word for screen readers and in the tooltip. */
const GLYPHS: Record<(typeof RANK)[number], string> = { error: '✕', warning: '!', unknown: '?', manual: '?', info: 'i', ok: '✓' };

/** The worst of the findings a column stands for; null when the audit answered none of them. */
function worst(findings: readonly Finding[], ids: readonly string[]): Finding | null {
  let found: Finding | null = null;
  for (const f of findings) {
    if (!ids.includes(f.id)) continue;
    if (!found || RANK.indexOf(f.severity) < RANK.indexOf(found.severity)) found = f;
  }
  return found;
}

/** `refKey`s of the phones with a problem (not ready, failed audit, or a verdict worse than ok), one per line. */
function onlyFailuresOf(runs: Readonly<Record<string, AuditRun>>, devices: readonly DeviceListItem[]): string {
  return devices.filter((d) => failing(d, runs[refKey(d)])).map(refKey).join('\n');
}

/** `refKey`s of the phones whose latest audit differs from their previous one, one per line. */
function changedOf(runs: Readonly<Record<string, AuditRun>>, devices: readonly DeviceListItem[]): string {
  return devices.filter((d) => (runs[refKey(d)]?.report?.changes?.length ?? 0) > 0).map(refKey).join('\n');
}

const failing = (device: DeviceListItem, run: AuditRun | undefined): boolean => {
  if (device.state !== 'device') return true;
  const report = run?.report;
  if (!report) return run?.status === 'failed';
  const v = verdictOf(report.findings, report.state).severity;
  return v === 'error' || v === 'warning' || v === 'unknown';
};

export function LabView() {
  const t = useT();
  const devices = useDevices();
  const progress = useLabStore((s) => s.auditAll);
  const onlyFailures = useLabStore((s) => s.onlyFailures);
  const sortByHost = useLabStore((s) => s.sortByHost);
  const setOnlyFailures = useLabStore((s) => s.setOnlyFailures);
  const onlyChanged = useLabStore((s) => s.onlyChanged);
  const setOnlyChanged = useLabStore((s) => s.setOnlyChanged);
  const setSortByHost = useLabStore((s) => s.setSortByHost);
  // The failing phones as one string: the table re-renders when that set changes, not on every probe of every phone.
  const failingKeys = useAuditStore((s) => (onlyFailures ? onlyFailuresOf(s.runs, devices) : ''));
  const changedKeys = useAuditStore((s) => (onlyChanged ? changedOf(s.runs, devices) : ''));
  const [app, setApp] = useState('');
  const ids = useId();

  let rows = devices.map((d) => ({ device: d, key: refKey(d) }));
  if (onlyFailures) {
    const keys = new Set(failingKeys.split('\n'));
    rows = rows.filter(({ key }) => keys.has(key));
  }
  if (onlyChanged) {
    const keys = new Set(changedKeys.split('\n'));
    rows = rows.filter(({ key }) => keys.has(key));
  }
  if (sortByHost) rows = [...rows].sort((a, b) => a.device.server.localeCompare(b.device.server) || a.device.serial.localeCompare(b.device.serial));
  const ready = devices.filter((d) => d.state === 'device').length;

  return (
    <div className="lab">
      <header className="pane-header">
        <div>
          <h1>{t('ui.lab.title')}</h1>
          <p className="muted">{t('ui.lab.summary', { phones: devices.length, ready })}</p>
        </div>
        <form
          className="audit-form"
          onSubmit={(e) => {
            e.preventDefault();
            void auditAll(app.trim());
          }}
        >
          <div className="app-picker">
            <label htmlFor={`${ids}-app`}>{t('ui.lab.app')}</label>
            <input id={`${ids}-app`} value={app} onChange={(e) => setApp(e.target.value)} placeholder="com.example.im" spellCheck={false} aria-describedby={`${ids}-app-help`} />
            <span id={`${ids}-app-help`} className="field-help">{t('ui.lab.app-help')}</span>
          </div>
          <button type="submit" className="primary" disabled={!!progress || ready === 0}>
            {progress ? t('ui.auditing') : t('ui.lab.audit-all')}
          </button>
        </form>
      </header>
      {progress && (
        <div className="progress" role="status">
          <progress max={progress.total || 1} value={progress.done} aria-label={t('ui.lab.progress-label')} />
          <span>{t('ui.lab.progress', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      <div className="lab-controls">
        <label className="check">
          <input type="checkbox" checked={onlyFailures} onChange={(e) => setOnlyFailures(e.target.checked)} />
          {t('ui.lab.only-failures')}
        </label>
        <label className="check">
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} />
          {t('ui.lab.only-changed')}
        </label>
        <label className="check">
          <input type="checkbox" checked={sortByHost} onChange={(e) => setSortByHost(e.target.checked)} />
          {t('ui.lab.sort-host')}
        </label>
        <ExportForm rows={rows.map((r) => r.key)} />
      </div>
      <div className="table-wrap">
        <table className="matrix">
          <caption className="visually-hidden">{t('ui.lab.caption')}</caption>
          <colgroup>
            <col className="col-phone" />
            <col className="col-verdict" />
            {KEY_CHECKS.map((c) => <col key={c.key} />)}
            <col className="col-changes" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('ui.lab.col.phone')}</th>
              <th scope="col">{t('ui.lab.col.verdict')}</th>
              {KEY_CHECKS.map((c) => <th key={c.key} scope="col">{t(`ui.lab.col.${c.key}`)}</th>)}
              <th scope="col">{t('ui.lab.col.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ device, key }) => <LabRow key={key} device={device} />)}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="muted">{onlyFailures ? t('ui.lab.none-failing') : onlyChanged ? t('ui.lab.none-changed') : t('ui.no-phones')}</p>
        )}
      </div>
    </div>
  );
}

const LabRow = memo(function LabRow({ device }: { device: DeviceListItem }) {
  const t = useT();
  const locale = useLocale();
  const select = useDeviceStore((s) => s.select);
  const setView = usePrefsStore((s) => s.setView);
  const run = useAuditRun(refKey(device)) ?? undefined;
  const report = useMemo(() => (run?.report ? localizeReport(run.report, locale) : null), [run?.report, locale]);
  const verdict = useMemo(() => (report ? verdictOf(report.findings, report.state, locale) : null), [report, locale]);
  const cells = useMemo(() => KEY_CHECKS.map((c) => ({ key: c.key, finding: report ? worst(report.findings, c.ids) : null })), [report]);
  const state = device.state === 'device' ? null : t(STATE_BADGES[device.state].label);
  return (
    <tr data-serial={device.serial}>
      <th scope="row">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            select(refKey(device));
            setView('phone');
          }}
        >
          {device.serial}
        </button>
        <div className="small">{identityLine(device)}</div>
        <div className="muted small mono">{t('ui.on-server', { server: device.server })}</div>
      </th>
      <td className="verdict-cell">
        {run?.status === 'running' ? (
          <span className="muted">{t('ui.reading-progress', { done: run.done, total: run.total || '?' })}</span>
        ) : verdict ? (
          <>
            <span className={`pill pill-${verdict.severity}`}>{severityLabel(t, verdict.severity)}</span>{' '}
            <span className="small clamp" title={verdict.headline}>{verdict.headline}</span>
          </>
        ) : run?.error ? (
          <span className="form-error small">{run.error.message}</span>
        ) : state ? (
          <span className={`badge badge-${device.state}`}>{state}</span>
        ) : (
          <span className="muted">{t('ui.lab.not-audited')}</span>
        )}
      </td>
      {cells.map(({ key, finding: f }) => {
        return (
          <td key={key} className="cell">
            {f ? (
              <span className={`pill pill-${f.severity} glyph`} title={`${f.title}: ${severityLabel(t, f.severity)}`}>
                <span aria-hidden="true">{GLYPHS[f.severity]}</span>
                <span className="visually-hidden">{severityLabel(t, f.severity)}</span>
              </span>
            ) : (
              <span className="muted"><span aria-hidden="true">—</span><span className="visually-hidden">{t('ui.lab.no-answer')}</span></span>
            )}
          </td>
        );
      })}
      <td className="cell changes-cell">{run?.report ? <ChangesCell report={run.report} /> : null}</td>
    </tr>
  );
});

/** How many things changed since the phone's previous audit, the list itself one click away. */
function ChangesCell({ report }: { report: NonNullable<AuditRun['report']> }) {
  const t = useT();
  const locale = useLocale();
  // No history kept for this audit (e.g. a capture): nothing to say, rather than a misleading 0.
  if (report.changes === undefined) return <span className="muted small">{t('ui.lab.no-history')}</span>;
  if (!report.previousAuditAt) return <span className="muted small">{t('ui.lab.first-audit')}</span>;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(report.previousAuditAt));
  const label = t('ui.lab.changes-since', { count: report.changes.length, time });
  if (report.changes.length === 0) return <span className="muted" title={label}>0<span className="visually-hidden"> {label}</span></span>;
  return (
    <details className="lab-changes">
      <summary title={label}>
        <span aria-hidden="true">{report.changes.length}</span>
        <span className="visually-hidden">{label}</span>
      </summary>
      <ChangeItems changes={report.changes} />
    </details>
  );
}

function ExportForm({ rows }: { rows: string[] }) {
  const t = useT();
  const locale = useLocale();
  const ids = useId();
  const [format, setFormat] = useState<ExportFormat>('html');
  const [redact, setRedact] = useState(true);
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; error: IpcError } | null>(null);
  const audited = useAuditStore((s) => rows.filter((key) => s.runs[key]?.report).length);
  return (
    <form
      className="export-form"
      onSubmit={(e) => {
        e.preventDefault();
        const runs = useAuditStore.getState().runs;
        const refs = rows.flatMap((key) => (runs[key]?.report?.ref ? [runs[key]!.report!.ref!] : []));
        void exportReport(format, refs, redact, locale).then((r) => {
          if (!r.ok) setResult({ ok: false, error: r.error });
          else setResult({ ok: true, text: r.value.saved ? t('ui.export.saved', { path: r.value.path, bytes: r.value.bytes }) : t('ui.export.cancelled') });
        });
      }}
    >
      <label htmlFor={`${ids}-format`}>{t('ui.export.format')}</label>
      <select id={`${ids}-format`} value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{f.toUpperCase()}</option>)}
      </select>
      <label className="check">
        <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.target.checked)} />
        {t('ui.export.redact')}
      </label>
      <button type="submit" disabled={audited === 0}>{t('ui.export.button', { count: audited })}</button>
      <span aria-live="polite" className={result && !result.ok ? 'form-error' : 'muted'}>
        {result ? (result.ok ? result.text : `${result.error.message}${result.error.hint ? ` ${result.error.hint}` : ''}`) : ''}
      </span>
    </form>
  );
}
