import { CHECKLIST, CHECKLIST_SECTIONS, type ChecklistSection } from '../../common/checklist/checklist.js';
import { verdictOf, type Verdict } from '../../common/checklist/verdict.js';
import type { Evidence } from '../../common/domain/facts.js';
import { SEVERITIES, type Finding, type Severity } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { countBySeverity, identityLine } from './device-identity.js';

/**
 * A self-contained HTML report: one file that opens anywhere with no network (no script, no external
 * stylesheet, font or image), prints cleanly, and reads top-down the way a developer receiving it wants:
 * the verdict for each phone first, then that phone's checklist in the FAQ's order with what was seen, the
 * remedy and the evidence (command and the phone's own line), then test pushes, fixes, answers and errors.
 */
export interface HtmlOptions {
  /** Extra lines for the environment block, e.g. the adb server's version; never secrets. */
  environment?: Readonly<Record<string, string>>;
}

const SECTION_OF = new Map(CHECKLIST.map((e) => [e.id, e.section]));
const ORDER_OF = new Map(CHECKLIST.map((e, i) => [e.id, i]));

const LABEL: Readonly<Record<Severity, string>> = {
  error: 'Failed', warning: 'At risk', unknown: 'Unknown', manual: 'Ask', info: 'Note', ok: 'Passed',
};

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const title = `Push Doctor report${report.app ? ` · ${report.app}` : ''}`;
  const body: string[] = [];
  body.push(`<header><h1>${esc(title)}</h1>${overview(report)}</header>`);
  if (report.devices.length === 0) body.push('<p class="empty">No devices.</p>');
  if (report.devices.length > 1) body.push(labTable(report.devices));
  for (const [i, d] of report.devices.entries()) body.push(device(d, i));
  body.push(environment(report, options.environment ?? {}));
  return `<!DOCTYPE html>
<html lang="en">
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

function overview(report: Report): string {
  const phones = report.devices.length;
  const blocked = report.devices.filter((d) => verdictOf(d.findings, d.state).severity === 'error').length;
  return `<p class="meta">${phones} ${phones === 1 ? 'phone' : 'phones'}${phones > 1 ? ` · ${blocked} with push blocked` : ''}`
    + ` · source: ${esc(report.source)} · generated ${esc(report.generatedAt)}</p>`;
}

/** A lab report opens with one line per phone, so the reader sees the whole lab before any detail. */
function labTable(devices: readonly DeviceReport[]): string {
  const rows = devices.map((d, i) => {
    const v = verdictOf(d.findings, d.state);
    return `<tr><td><a href="#device-${i}">${esc(identityLine(d))}</a></td><td><code>${esc(d.serial)}</code></td>`
      + `<td>${esc(d.state)}</td><td>${badge(v.severity)}</td><td>${esc(v.headline)}</td></tr>`;
  });
  return `<section class="lab"><h2>Lab</h2><table><thead><tr><th>Phone</th><th>Serial</th><th>State</th><th>Verdict</th><th>What blocks the push</th></tr></thead>`
    + `<tbody>${rows.join('')}</tbody></table></section>`;
}

function device(d: DeviceReport, index: number): string {
  const v = verdictOf(d.findings, d.state);
  const counts = countBySeverity(d);
  const summary = SEVERITIES.filter((s) => counts[s]).map((s) => `${counts[s]} ${LABEL[s].toLowerCase()}`).join(' · ');
  const parts = [
    `<section class="device" id="device-${index}">`,
    `<h2>${esc(identityLine(d))}</h2>`,
    `<p class="meta">Serial <code>${esc(d.serial)}</code>${d.ref ? ` on adb server <code>${esc(d.ref.server)}</code>` : ''} · state: ${esc(d.state)}${summary ? ` · ${summary}` : ''}</p>`,
    verdictBlock(v),
    checklist(d.findings, v),
    pushTests(d),
    fixes(d),
    answers(d),
    errors(d),
    d.probes && d.probes.missing.length > 0 ? `<p class="meta">Not read: ${d.probes.missing.map((p) => `<code>${esc(p)}</code>`).join(', ')}</p>` : '',
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

function verdictBlock(v: Verdict): string {
  return `<div class="verdict sev-${v.severity}" role="note"><p class="headline">${esc(v.headline)}</p>`
    + (v.firstStep ? `<p><strong>Do first:</strong> ${esc(v.firstStep)}</p>` : '')
    + '</div>';
}

function checklist(findings: readonly Finding[], v: Verdict): string {
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
    const heading = s === 'other' ? 'Other checks' : `${s}. ${CHECKLIST_SECTIONS[s]}`;
    out.push(`<h3>${esc(heading)}</h3><ul class="checks">${list.map((f) => step(f, v)).join('')}</ul>`);
  }
  return out.join('\n');
}

function step(f: Finding, v: Verdict): string {
  const consequence = v.explains.includes(f.id) && v.findingId
    ? `<p class="because">Follows from: ${esc(v.findingId)}</p>` : '';
  const remedy = f.remedy && f.severity !== 'ok' ? `<p class="remedy"><strong>What to do:</strong> ${esc(f.remedy)}</p>` : '';
  return `<li class="step sev-${f.severity}">`
    + `<p class="step-title">${badge(f.severity)} <span>${esc(f.title)}</span> <code class="id">${esc(f.id)}</code></p>`
    + (f.detail ? `<p class="detail">${esc(f.detail)}</p>` : '')
    + consequence + remedy + evidence(f.evidence)
    + '</li>';
}

function evidence(list: readonly Evidence[]): string {
  if (list.length === 0) return '';
  const items = list.map((e) => `<li><code>$ ${esc(e.command)}</code><pre>${esc(e.excerpt)}</pre></li>`).join('');
  return `<details class="evidence"${list.length <= 2 ? ' open' : ''}><summary>Evidence (${list.length})</summary><ul>${items}</ul></details>`;
}

function pushTests(d: DeviceReport): string {
  if (d.pushTests.length === 0) return '';
  const rows = d.pushTests.map((t) => `<tr><td><code>${esc(t.route)}</code></td><td>${esc(t.sentAt)}</td>`
    + `<td>${t.accepted ? 'accepted' : 'rejected'} (<code>${esc(t.response.code)}</code> ${esc(t.response.meaning)})</td>`
    + `<td>${t.postedAt ? esc(t.postedAt) : 'not posted'}</td><td>${t.latencyMs === null ? '—' : `${t.latencyMs} ms`}</td>`
    + `<td>${t.displayed === null ? '—' : t.displayed ? 'yes' : 'no'}</td></tr>`);
  return `<h3>Test pushes</h3><table><thead><tr><th>Route</th><th>Sent</th><th>Server</th><th>Posted</th><th>Latency</th><th>Displayed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function fixes(d: DeviceReport): string {
  const list = d.fixes ?? [];
  if (list.length === 0) return '';
  const rows = list.map((f) => `<tr><td><code>${esc(f.finding)}</code></td><td><code>${esc(f.command)}</code></td>`
    + `<td>${esc(f.at)}</td><td>${f.ok ? 'done' : 'failed'}</td><td>${esc(f.after ?? '—')}</td></tr>`);
  return `<h3>Fixes applied</h3><table><thead><tr><th>Finding</th><th>Command</th><th>At</th><th>Result</th><th>After</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function answers(d: DeviceReport): string {
  const list = d.answers ?? [];
  if (list.length === 0) return '';
  const rows = list.map((a) => `<tr><td><code>${esc(a.finding)}</code></td><td>${esc(a.answer)}</td><td>${esc(a.note ?? '')}</td><td>${esc(a.at)}</td></tr>`);
  return `<h3>The engineer's answers</h3><table><thead><tr><th>Step</th><th>Answer</th><th>Note</th><th>At</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function errors(d: DeviceReport): string {
  if (d.errors.length === 0) return '';
  const items = d.errors.map((e) => `<li><code>${esc(e.code)}</code>${e.during ? ` during <code>${esc(e.during)}</code>` : ''}: ${esc(e.message)}</li>`);
  return `<h3>Errors</h3><ul class="errors">${items.join('')}</ul>`;
}

function environment(report: Report, extra: Readonly<Record<string, string>>): string {
  const rows: [string, string][] = [
    ['Tool', `${report.tool.name} ${report.tool.version}`],
    ['Generated', report.generatedAt],
    ['Source', report.source],
    ...(report.app ? [['App under test', report.app] as [string, string]] : []),
    ...Object.entries(extra),
  ];
  return `<footer><h2>Environment</h2><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl></footer>`;
}

function badge(s: Severity): string {
  return `<span class="badge sev-${s}">${LABEL[s]}</span>`;
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
.lab td:first-child{width:32%}.lab td:nth-child(4){white-space:nowrap}
footer dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}footer dt{color:var(--muted)}footer dd{margin:0}
@media print{body{padding:0;max-width:none}h2,h3{break-after:avoid}.step,.verdict,tr{break-inside:avoid}details.evidence>*{display:block}a{color:inherit;text-decoration:none}}
`;
