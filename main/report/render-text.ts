import type { Report } from '../../common/domain/report.js';
import { identityLine } from './device-identity.js';

const MARK: Record<string, string> = { error: 'ERROR', warning: 'WARN ', unknown: '?    ', manual: 'ASK  ', info: 'info ', ok: 'ok   ' };

/** The CLI's human output: one block per device, one line per finding, remedies indented under problems. */
export function renderText(report: Report): string {
  const lines: string[] = [];
  lines.push(`Push Doctor ${report.tool.version} · ${report.generatedAt} · ${report.source}${report.app ? ` · ${report.app}` : ''}`);
  for (const d of report.devices) {
    lines.push('', `${d.serial} (${d.state}) — ${identityLine(d)}`);
    for (const f of d.findings) {
      lines.push(`  ${MARK[f.severity] ?? f.severity} ${f.detail} [${f.id}]`);
      if (f.severity !== 'ok' && f.severity !== 'info' && f.remedy) lines.push(`         → ${f.remedy}`);
      if (f.fixId && (f.severity === 'error' || f.severity === 'warning')) lines.push(`         fix: push-doctor fix --serial ${d.serial}${report.app ? ` --app ${report.app}` : ''} --finding ${f.id}`);
    }
    for (const e of d.errors) lines.push(`  ERROR ${e.code}${e.during ? ` (${e.during})` : ''}: ${e.message}`);
  }
  return `${lines.join('\n')}\n`;
}
