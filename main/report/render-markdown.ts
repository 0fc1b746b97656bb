import type { Evidence } from '../../common/domain/facts.js';
import { SEVERITIES } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { countBySeverity, identityLine } from './device-identity.js';
import { changeText } from './render-csv.js';

/**
 * Markdown for pasting into a ticket (GitHub / GitLab / Jira with Markdown): per device an identity line, the
 * findings that need attention in a table with their remedies, evidence as code spans, what passed in one line,
 * then errors and push tests.
 */
export function renderMarkdown(report: Report): string {
  const lines: string[] = [];
  lines.push('# Push Doctor report', '');
  lines.push(`Generated ${report.generatedAt} by push-doctor ${report.tool.version} · source: ${report.source}`
    + (report.app ? ` · app: ${code(report.app)}` : ''), '');
  if (report.devices.length === 0) lines.push('_No devices._', '');
  for (const d of report.devices) lines.push(...renderDevice(d));
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderDevice(d: DeviceReport): string[] {
  const out: string[] = [];
  out.push(`## ${escapeInline(identityLine(d))}`, '');
  const counts = countBySeverity(d);
  const summary = SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ');
  out.push(`Serial ${code(d.serial)} · state: ${d.state}${summary ? ` · ${summary}` : ''}`, '');

  if (d.changes !== undefined) out.push(...changeLines(d), '');
  const attention = d.findings.filter((f) => f.severity !== 'ok');
  if (attention.length > 0) {
    out.push('| Severity | Check | What was seen | Remedy | Evidence |', '|---|---|---|---|---|');
    for (const f of attention) {
      const fix = f.fixId ? ` (fix: ${code(f.fixId)})` : '';
      out.push(`| ${f.severity} | ${cell(f.title)} (${cellCode(f.id)}) | ${cell(f.detail)} | ${cell(f.remedy)}${fix} | ${evidenceCell(f.evidence)} |`);
    }
    out.push('');
  }
  const passed = d.findings.filter((f) => f.severity === 'ok');
  if (passed.length > 0) out.push(`**Checked and fine:** ${passed.map((f) => escapeInline(f.title)).join('; ')}.`, '');
  if (d.findings.length === 0 && d.errors.length === 0) out.push('_No findings._', '');

  if (d.pushTests.length > 0) {
    out.push('**Test pushes**', '');
    for (const t of d.pushTests) {
      const result = t.accepted ? 'accepted' : 'rejected';
      const delivery = t.postedAt
        ? `posted ${t.postedAt}${t.latencyMs !== null ? ` (${t.latencyMs} ms)` : ''}${t.channelId ? ` on ${code(t.channelId)}` : ''}${t.displayedReason ? `, ${t.displayedReason}` : ''}`
        : `not posted${t.notDeliveredReason ? ` (${t.notDeliveredReason})` : ''}`;
      const when = t.condition ? `, phone ${t.condition}` : '';
      out.push(`- ${code(t.route)} at ${t.sentAt}${when}: ${result} (${code(t.response.code)} ${escapeInline(t.response.meaning)}), ${delivery}`);
    }
    out.push('');
  }
  if (d.errors.length > 0) {
    out.push('**Errors**', '');
    for (const e of d.errors) out.push(`- ${code(e.code)}${e.during ? ` during ${code(e.during)}` : ''}: ${escapeInline(e.message)}`);
    out.push('');
  }
  if (d.probes && d.probes.missing.length > 0) out.push(`Not read: ${d.probes.missing.map(code).join(', ')}`, '');
  return out;
}

/** With --since-last: what changed since the phone's previous audit, or that nothing did. */
function changeLines(d: DeviceReport): string[] {
  if (!d.previousAuditAt) return ['_First audit of this phone with this app: nothing to compare yet._'];
  if (!d.changes || d.changes.length === 0) return [`**No change** since the last audit (${d.previousAuditAt}).`];
  return [`**Changes since the last audit** (${d.previousAuditAt}):`, '', ...d.changes.map((c) => `- ${code(changeText(c))}`)];
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
