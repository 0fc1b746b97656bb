import { verdictOf } from '../../common/checklist/verdict.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import type { Locale } from '../../common/i18n/locale.js';
import { vendorOf } from '../../common/vendors/vendor-table.js';

/**
 * The lab matrix as CSV: one row per phone, one column per key check, for a spreadsheet. RFC 4180 (CRLF
 * records, fields with a comma, quote or line break quoted, quotes doubled) and UTF-8 with a BOM, because
 * Excel reads a BOM-less file in the system's ANSI code page and mangles Chinese channel names.
 */
export const CSV_KEY_CHECKS = [
  'push-service-missing', 'push-service-disabled', 'push-service-outdated', 'gms-missing', 'no-push-channel',
  'app-not-installed', 'app-force-stopped', 'app-notifications-blocked', 'post-notifications-denied', 'channel-blocked',
  'channel-silent', 'dnd-on', 'lockscreen-hidden', 'ringer-silent', 'standby-restricted', 'battery-optimized',
  'background-restricted', 'data-saver-on', 'app-hibernated', 'autostart-denied', 'push-token-reported',
] as const;

const BOM = '\uFEFF';

export function renderCsv(report: Report, locale: Locale = 'en'): string {
  const header = [
    'server', 'serial', 'state', 'manufacturer', 'brand', 'model', 'market name', 'android', 'sdk', 'rom', 'rom version',
    'push channel', 'app', 'verdict', 'what blocks the push', 'errors', 'warnings', ...CSV_KEY_CHECKS, 'channels', 'audit errors', 'changes since last audit',
  ];
  const rows = report.devices.map((d) => row(d, report.app ?? '', locale));
  return BOM + [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

function row(d: DeviceReport, app: string, locale: Locale): string[] {
  const f = d.facts;
  const v = verdictOf(d.findings, d.state, locale);
  const severityOf = new Map(d.findings.map((x) => [x.id, x.severity]));
  const count = (s: string): string => String(d.findings.filter((x) => x.severity === s).length);
  const channels = (f.app?.channels ?? []).map((c) => `${c.id}${c.name ? ` (${c.name})` : ''}: ${c.importance ?? '?'}`).join('; ');
  return [
    d.ref?.server ?? '', d.serial, d.state, f.manufacturer ?? '', f.brand ?? '', f.model ?? '', f.marketName ?? '',
    f.android?.release ?? '', f.android ? String(f.android.sdk) : '', f.rom?.name ?? '', f.rom?.version ?? '',
    f.pushChannel === null ? '' : f.pushChannel === 'none' ? 'none' : vendorOf(f.pushChannel)?.displayName ?? f.pushChannel,
    app, v.severity, v.headline, count('error'), count('warning'),
    // An empty cell means the check does not apply to this phone (or the phone could not be read).
    ...CSV_KEY_CHECKS.map((id) => severityOf.get(id) ?? ''),
    channels,
    d.errors.map((e) => `${e.code}: ${e.message}`).join('; '),
    (d.changes ?? []).map(changeText).join('; '),
  ];
}

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs text from a phone as a formula. */
export function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One change as a short line: "system.zenMode 0 → 1", "dnd-on ok → warning". */
export function changeText(c: NonNullable<DeviceReport['changes']>[number]): string {
  const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return 'path' in c ? `${c.path} ${show(c.before)} → ${show(c.after)}` : `${c.finding} ${show(c.before)} → ${show(c.after)}`;
}
