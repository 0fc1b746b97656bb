import type { Evidence } from '../../common/domain/facts.js';
import { SEVERITIES } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { formatDuration, formatTime } from '../../common/i18n/dates.js';
import type { Locale } from '../../common/i18n/locale.js';
import { translator } from '../../common/i18n/messages.js';
import { countBySeverity, identityLine } from './device-identity.js';
import { changeText } from './render-csv.js';

type T = ReturnType<typeof translator>;

/**
 * Markdown for pasting into a ticket (GitHub / GitLab / Jira with Markdown): per device an identity line, the
 * findings that need attention in a table with their remedies, evidence as code spans, what passed in one line,
 * then errors and push tests.
 */
export function renderMarkdown(report: Report, locale: Locale = report.lang ?? 'en'): string {
  const t = translator(locale);
  const lines: string[] = [];
  lines.push(`# ${t('report.title')}`, '');
  lines.push(t('report.md.generated', { time: `${formatTime(locale, report.generatedAt)} (${report.generatedAt})`, version: report.tool.version, source: report.source })
    + (report.app ? ` · ${t('report.md.app', { app: code(report.app) })}` : ''), '');
  if (report.devices.length === 0) lines.push(`_${t('report.no-devices')}_`, '');
  for (const d of report.devices) lines.push(...renderDevice(d, t, locale));
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderDevice(d: DeviceReport, t: T, locale: Locale): string[] {
  const out: string[] = [];
  out.push(`## ${escapeInline(identityLine(d, locale))}`, '');
  const counts = countBySeverity(d);
  const summary = SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${t(`severity.${s}`)}`).join(', ');
  out.push(`${t('report.serial', { serial: code(d.serial) })} · ${t('report.state', { state: d.state })}${summary ? ` · ${summary}` : ''}`, '');

  if (d.changes !== undefined) out.push(...changeLines(d, t, locale), '');
  const attention = d.findings.filter((f) => f.severity !== 'ok');
  if (attention.length > 0) {
    const head = (['severity', 'check', 'seen', 'remedy', 'evidence'] as const).map((c) => t(`report.md.col.${c}`));
    out.push(`| ${head.join(' | ')} |`, '|---|---|---|---|---|');
    for (const f of attention) {
      const fix = f.fixId ? ` (${t('report.md.fix', { fix: code(f.fixId) })})` : '';
      out.push(`| ${t(`severity.${f.severity}`)} | ${cell(f.title)} (${cellCode(f.id)}) | ${cell(f.detail)} | ${cell(f.remedy)}${fix} | ${evidenceCell(f.evidence)} |`);
    }
    out.push('');
  }
  const passed = d.findings.filter((f) => f.severity === 'ok');
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const end = locale === 'zh-CN' ? '。' : '.';
  if (passed.length > 0) out.push(`**${t('report.md.passed')}** ${passed.map((f) => escapeInline(f.title)).join(sep)}${end}`, '');
  if (d.findings.length === 0 && d.errors.length === 0) out.push(`_${t('report.md.no-findings')}_`, '');

  if (d.pushTests.length > 0) {
    out.push(`**${t('report.test-pushes')}**`, '');
    for (const p of d.pushTests) {
      // Channel, condition and reasons are identifiers (the phone's channel id, the condition and reason codes): shown as code in every language.
      const extra = [p.channelId ? code(p.channelId) : '', p.displayedReason ? code(p.displayedReason) : ''].filter(Boolean).join(' ');
      const delivery = p.postedAt
        ? t('report.md.posted', { time: formatTime(locale, p.postedAt) }) + (p.latencyMs !== null ? ` (${formatDuration(locale, p.latencyMs)})` : '') + (extra ? ` ${extra}` : '')
        : t('report.not-posted') + (p.notDeliveredReason ? ` (${code(p.notDeliveredReason)})` : '');
      out.push(`- ${t('report.md.push-line', {
        route: code(p.route) + (p.condition ? ` · ${code(p.condition)}` : ''),
        sent: formatTime(locale, p.sentAt),
        result: t(p.accepted ? 'report.accepted' : 'report.rejected'),
        response: `${code(p.response.code)} ${escapeInline(p.response.meaning)}`,
        delivery,
      })}`);
    }
    out.push('');
  }
  if (d.errors.length > 0) {
    out.push(`**${t('report.errors')}**`, '');
    for (const e of d.errors) out.push(`- ${code(e.code)}${e.during ? ` ${t('report.during', { during: code(e.during) })}` : ''}: ${escapeInline(e.message)}`);
    out.push('');
  }
  if (d.probes && d.probes.missing.length > 0) out.push(t('report.not-read', { probes: d.probes.missing.map(code).join(', ') }), '');
  return out;
}

/** With --since-last: what changed since the phone's previous audit, or that nothing did. */
function changeLines(d: DeviceReport, t: T, locale: Locale): string[] {
  if (!d.previousAuditAt) return [`_${t('report.first-audit')}_`];
  const time = formatTime(locale, d.previousAuditAt);
  if (!d.changes || d.changes.length === 0) return [t('report.no-changes', { time })];
  return [`**${t('report.changes', { time })}**`, '', ...d.changes.map((c) => `- ${code(changeText(c))}`)];
}

function evidenceCell(evidence: readonly Evidence[]): string {
  return evidence.map((e) => `${cellCode(e.command)} → ${cellCode(e.excerpt)}`).join('<br>');
}

/** In a GFM table an escaped pipe stays a pipe even inside a code span; unescaped it would end the cell. */
function cellCode(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

/** A code span that survives backticks and line breaks inside (CommonMark: fence longer than any run inside). */
export function code(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ⏎ ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function cell(text: string): string {
  return escapeInline(text).replace(/\r?\n/g, '<br>');
}

function escapeInline(text: string): string {
  return text.replace(/([\\|*[\]<>])/g, '\\$1');
}
