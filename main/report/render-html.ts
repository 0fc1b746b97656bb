import { CHECKLIST, CHECKLIST_SECTIONS, type ChecklistSection } from '../../common/checklist/checklist.js';
import { verdictOf, type Verdict } from '../../common/checklist/verdict.js';
import type { Evidence } from '../../common/domain/facts.js';
import { SEVERITIES, type Finding, type Severity } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import type { Locale } from '../../common/i18n/locale.js';
import { formatTime } from '../../common/i18n/dates.js';
import { plural, translator } from '../../common/i18n/messages.js';
import { countBySeverity, identityLine } from './device-identity.js';
import { changeText } from './render-csv.js';

/**
 * A self-contained HTML report: one file that opens anywhere with no network (no script, no external
 * stylesheet, font or image), prints cleanly, and reads top-down the way a developer receiving it wants:
 * the verdict for each phone first, then that phone's checklist in the FAQ's order with what was seen, the
 * remedy and the evidence (command and the phone's own line), then test pushes, fixes, answers and errors.
 */
export interface HtmlOptions {
  /** Extra lines for the environment block, e.g. the adb server's version; never secrets. */
  environment?: Readonly<Record<string, string>>;
  locale?: Locale;
}

/** Everything a part of the page needs to speak the reader's language. */
interface Ctx {
  locale: Locale;
  t: ReturnType<typeof translator>;
  time: (iso: string) => string;
}

const SECTION_OF = new Map(CHECKLIST.map((e) => [e.id, e.section]));
const ORDER_OF = new Map(CHECKLIST.map((e, i) => [e.id, i]));

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const locale = options.locale ?? 'en';
  const t = translator(locale);
  const ctx: Ctx = { locale, t, time: (iso) => formatTime(locale, iso) };
  const title = report.app ? t('report.title-app', { app: report.app }) : t('report.title');
  const body: string[] = [];
  body.push(`<header><h1>${esc(title)}</h1>${overview(report, ctx)}</header>`);
  if (report.devices.length === 0) body.push(`<p class="empty">${esc(t('report.no-devices'))}</p>`);
  if (report.devices.length > 1) body.push(labTable(report.devices, ctx));
  for (const [i, d] of report.devices.entries()) body.push(device(d, i, ctx));
  body.push(environment(report, options.environment ?? {}, ctx));
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function overview(report: Report, { locale, t, time }: Ctx): string {
  const phones = report.devices.length;
  const blocked = report.devices.filter((d) => verdictOf(d.findings, d.state, locale).severity === 'error').length;
  const parts = [plural(locale, 'report.phones', phones)];
  if (phones > 1) parts.push(t('report.blocked', { count: blocked }));
  parts.push(t('report.source', { source: report.source }), t('report.generated', { time: time(report.generatedAt) }));
  return `<p class="meta">${parts.map(esc).join(' · ')}</p>`;
}

/** A lab spread over hosts: under each serial, the adb server the phone is on (the lab owner's first question). */
function host(d: DeviceReport): string {
  return d.ref && d.ref.server !== d.serial ? `<div class="meta">${esc(d.ref.server)}</div>` : '';
}

/** A lab report opens with one line per phone, so the reader sees the whole lab before any detail. */
function labTable(devices: readonly DeviceReport[], ctx: Ctx): string {
  const { t } = ctx;
  const rows = devices.map((d, i) => {
    const v = verdictOf(d.findings, d.state, ctx.locale);
    return `<tr><td><a href="#device-${i}">${esc(phoneName(d, ctx))}</a></td><td><code>${esc(d.serial)}</code>${host(d)}</td>`
      + `<td>${esc(d.state)}</td><td>${badge(v.severity, ctx)}</td><td>${esc(v.headline)}</td>${changeCount(d, i, ctx)}</tr>`;
  });
  const head = (['report.col.phone', 'report.col.serial', 'report.col.state', 'report.col.verdict', 'report.col.blocks', 'report.col.changes'] as const)
    .map((k) => `<th>${esc(t(k))}</th>`).join('');
  return `<section class="lab"><h2>${esc(t('report.lab'))}</h2><table><thead><tr>${head}</tr></thead>`
    + `<tbody>${rows.join('')}</tbody></table></section>`;
}

/** The lab row's count of changes since the previous audit, linked to the list in the phone's section; empty without history. */
function changeCount(d: DeviceReport, index: number, { t }: Ctx): string {
  if (d.changes === undefined) return '<td></td>';
  if (!d.previousAuditAt) return `<td class="meta">${esc(t('report.col.changes-first'))}</td>`;
  const n = d.changes.length;
  return n === 0 ? '<td>0</td>' : `<td><a href="#device-${index}-changes">${n}</a></td>`;
}

/** The identity line; a phone nothing could be read from is named as such in the reader's language. */
function phoneName(d: DeviceReport, { locale }: Ctx): string {
  return identityLine(d, locale);
}

function device(d: DeviceReport, index: number, ctx: Ctx): string {
  const { t } = ctx;
  const v = verdictOf(d.findings, d.state, ctx.locale);
  const counts = countBySeverity(d);
  const summary = SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${t(`severity.${s}`)}`).join(' · ');
  const serial = markup(t('report.serial', { serial: SLOT }), `<code>${esc(d.serial)}</code>`);
  const server = d.ref ? ` ${markup(t('report.on-server', { server: SLOT }), `<code>${esc(d.ref.server)}</code>`)}` : '';
  const parts = [
    `<section class="device" id="device-${index}">`,
    `<h2>${esc(phoneName(d, ctx))}</h2>`,
    `<p class="meta">${serial}${server} · ${esc(t('report.state', { state: d.state }))}${summary ? ` · ${esc(summary)}` : ''}</p>`,
    verdictBlock(v, ctx),
    changes(d, index, ctx),
    checklist(d.findings, v, ctx),
    pushTests(d, ctx),
    fixes(d, ctx),
    answers(d, ctx),
    errors(d, ctx),
    d.probes && d.probes.missing.length > 0
      ? `<p class="meta">${markup(t('report.not-read', { probes: SLOT }), d.probes.missing.map((p) => `<code>${esc(p)}</code>`).join(', '))}</p>` : '',
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

function verdictBlock(v: Verdict, { t }: Ctx): string {
  return `<div class="verdict sev-${v.severity}" role="note"><p class="headline">${esc(v.headline)}</p>`
    + (v.firstStep ? `<p><strong>${esc(t('report.do-first'))}</strong> ${esc(v.firstStep)}</p>` : '')
    + '</div>';
}

function checklist(findings: readonly Finding[], v: Verdict, ctx: Ctx): string {
  const bySection = new Map<ChecklistSection | 'other', Finding[]>();
  for (const f of [...findings].sort((a, b) => (ORDER_OF.get(a.id) ?? 999) - (ORDER_OF.get(b.id) ?? 999))) {
    const section = SECTION_OF.get(f.id) ?? 'other';
    const list = bySection.get(section) ?? [];
    list.push(f);
    bySection.set(section, list);
  }
  const out: string[] = [];
  const sections = [...Object.keys(CHECKLIST_SECTIONS).map(Number) as ChecklistSection[], 'other' as const];
  for (const s of sections) {
    const list = bySection.get(s);
    if (!list) continue;
    const heading = s === 'other' ? ctx.t('section.other') : `${s}. ${ctx.t(`section.${s}`)}`;
    out.push(`<h3>${esc(heading)}</h3><ul class="checks">${list.map((f) => step(f, v, ctx)).join('')}</ul>`);
  }
  return out.join('\n');
}

function step(f: Finding, v: Verdict, ctx: Ctx): string {
  const { t } = ctx;
  const consequence = v.explains.includes(f.id) && v.findingId
    ? `<p class="because">${esc(t('report.follows-from', { finding: v.findingId }))}</p>` : '';
  const remedy = f.remedy && f.severity !== 'ok' ? `<p class="remedy"><strong>${esc(t('report.what-to-do'))}</strong> ${esc(f.remedy)}</p>` : '';
  return `<li class="step sev-${f.severity}">`
    + `<p class="step-title">${badge(f.severity, ctx)} <span>${esc(f.title)}</span> <code class="id">${esc(f.id)}</code></p>`
    + (f.detail ? `<p class="detail">${esc(f.detail)}</p>` : '')
    + consequence + remedy + evidence(f.evidence, ctx)
    + '</li>';
}

/** Evidence is the phone's own words: never translated. */
function evidence(list: readonly Evidence[], { t }: Ctx): string {
  if (list.length === 0) return '';
  const items = list.map((e) => `<li><code>$ ${esc(e.command)}</code><pre>${esc(e.excerpt)}</pre></li>`).join('');
  return `<details class="evidence"${list.length <= 2 ? ' open' : ''}><summary>${esc(t('report.evidence', { count: list.length }))}</summary><ul>${items}</ul></details>`;
}

/** With --since-last: what changed on the phone, before its checklist, since that is what the reader asked. */
function changes(d: DeviceReport, index: number, { t, time }: Ctx): string {
  if (d.changes === undefined) return '';
  if (!d.previousAuditAt) return `<p class="meta">${esc(t('report.first-audit'))}</p>`;
  const when = time(d.previousAuditAt);
  if (d.changes.length === 0) return `<p class="meta">${esc(t('report.no-changes', { time: when }))}</p>`;
  return `<h3 id="device-${index}-changes">${esc(t('report.changes', { time: when }))}</h3><ul class="changes">${d.changes.map((c) => `<li><code>${esc(changeText(c))}</code></li>`).join('')}</ul>`;
}

function pushTests(d: DeviceReport, { t, time }: Ctx): string {
  if (d.pushTests.length === 0) return '';
  const rows = d.pushTests.map((p) => `<tr><td><code>${esc(p.route)}</code></td><td>${esc(time(p.sentAt))}</td>`
    + `<td>${esc(t(p.accepted ? 'report.accepted' : 'report.rejected'))} (<code>${esc(p.response.code)}</code> ${esc(p.response.meaning)})</td>`
    + `<td>${esc(p.postedAt ? time(p.postedAt) : t('report.not-posted'))}</td><td>${p.latencyMs === null ? '—' : esc(t('report.ms', { ms: p.latencyMs }))}</td>`
    + `<td>${p.displayed === null ? '—' : esc(t(p.displayed ? 'report.yes' : 'report.no'))}</td></tr>`);
  return `<h3>${esc(t('report.test-pushes'))}</h3>${table(t, ['report.col.route', 'report.col.sent', 'report.col.server', 'report.col.posted', 'report.col.latency', 'report.col.displayed'], rows)}`;
}

function fixes(d: DeviceReport, { t, time }: Ctx): string {
  const list = d.fixes ?? [];
  if (list.length === 0) return '';
  const rows = list.map((f) => `<tr><td><code>${esc(f.finding)}</code></td><td><code>${esc(f.command)}</code></td>`
    + `<td>${esc(time(f.at))}</td><td>${esc(t(f.ok ? 'report.fix-done' : 'report.fix-failed'))}</td><td>${esc(f.after ?? '—')}</td></tr>`);
  return `<h3>${esc(t('report.fixes'))}</h3>${table(t, ['report.col.finding', 'report.col.command', 'report.col.at', 'report.col.result', 'report.col.after'], rows)}`;
}

function answers(d: DeviceReport, { t, time }: Ctx): string {
  const list = d.answers ?? [];
  if (list.length === 0) return '';
  const rows = list.map((a) => `<tr><td><code>${esc(a.finding)}</code></td><td>${esc(t(`report.answer.${a.answer}`))}</td>`
    + `<td>${esc(a.note ?? '')}</td><td>${esc(time(a.at))}</td></tr>`);
  return `<h3>${esc(t('report.answers'))}</h3>${table(t, ['report.col.step', 'report.col.answer', 'report.col.note', 'report.col.at'], rows)}`;
}

function errors(d: DeviceReport, { t }: Ctx): string {
  if (d.errors.length === 0) return '';
  const items = d.errors.map((e) => `<li><code>${esc(e.code)}</code>`
    + `${e.during ? ` ${markup(t('report.during', { during: SLOT }), `<code>${esc(e.during)}</code>`)}` : ''}: ${esc(e.message)}</li>`);
  return `<h3>${esc(t('report.errors'))}</h3><ul class="errors">${items.join('')}</ul>`;
}

function environment(report: Report, extra: Readonly<Record<string, string>>, { t, time }: Ctx): string {
  const rows: [string, string][] = [
    [t('report.env.tool'), `${report.tool.name} ${report.tool.version}`],
    [t('report.env.generated'), `${time(report.generatedAt)} (${report.generatedAt})`],
    [t('report.env.source'), report.source],
    ...(report.app ? [[t('report.env.app'), report.app] as [string, string]] : []),
    ...Object.entries(extra),
  ];
  return `<footer><h2>${esc(t('report.environment'))}</h2><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl></footer>`;
}

type HeaderKey = Parameters<Ctx['t']>[0];

function table(t: Ctx['t'], headers: readonly HeaderKey[], rows: readonly string[]): string {
  const head = headers.map((h) => `<th>${esc((t as (k: string) => string)(h))}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function badge(s: Severity, { t }: Ctx): string {
  return `<span class="badge sev-${s}">${esc(t(`severity.${s}`))}</span>`;
}

/** A placeholder filled with markup after the message is escaped, so translated text stays text. */
const SLOT = '\u0000';

function markup(message: string, html: string): string {
  return esc(message).replace(SLOT, html);
}

/** Text into HTML text or a double-quoted attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] ?? c);
}

// Colours pass WCAG AA on white; print drops backgrounds and opens every evidence block.
const STYLE = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--error:#b3261e;--warning:#8a5300;--ok:#1a7f37;--unknown:#57606a;--manual:#0b5cad;--info:#0b5cad}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--fg);max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 4px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:16px;margin:20px 0 6px}
.meta{color:var(--muted);margin:2px 0 8px}
code,pre{font:13px/1.4 ui-monospace,"SFMono-Regular",Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono","Noto Sans Mono CJK SC",monospace}
pre{white-space:pre-wrap;word-break:break-word;margin:2px 0 6px;padding:6px 8px;background:#f6f8fa;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
.verdict{border-left:6px solid var(--unknown);background:#f6f8fa;padding:10px 14px;margin:10px 0;border-radius:4px}
.verdict .headline{font-size:17px;font-weight:600;margin:0 0 4px}.verdict p{margin:4px 0}
.verdict.sev-error{border-color:var(--error)}.verdict.sev-warning{border-color:var(--warning)}.verdict.sev-ok{border-color:var(--ok)}
ul.checks{list-style:none;padding:0;margin:0}
.step{border:1px solid var(--line);border-radius:6px;padding:8px 12px;margin:6px 0}
.step p{margin:2px 0}.step-title{font-weight:600}.id{color:var(--muted);font-weight:400}
.badge{display:inline-block;min-width:64px;text-align:center;border-radius:10px;padding:0 8px;font-size:12px;font-weight:700;color:#fff;background:var(--unknown)}
.badge.sev-error{background:var(--error)}.badge.sev-warning{background:var(--warning)}.badge.sev-ok{background:var(--ok)}.badge.sev-manual,.badge.sev-info{background:var(--manual)}
.because{color:var(--muted);font-style:italic}
details.evidence summary{cursor:pointer;color:var(--muted)}details.evidence ul{padding-left:18px;margin:4px 0}
.lab table{table-layout:fixed}.lab th:nth-child(1){width:25%}.lab th:nth-child(2){width:20%}.lab th:nth-child(3){width:9%}.lab th:nth-child(4){width:11%}
.lab td{overflow-wrap:anywhere}.lab td .meta{font-size:12px;margin:0}.lab td:nth-child(4){white-space:nowrap}
footer dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}footer dt{color:var(--muted)}footer dd{margin:0}
@media print{body{padding:0 1px;max-width:none}h2,h3{break-after:avoid}.step,.verdict,tr{break-inside:avoid}details.evidence>*{display:block}a{color:inherit;text-decoration:none}}
`;
