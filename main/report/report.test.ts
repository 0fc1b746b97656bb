import { describe, expect, it } from 'vitest';
import { buildSheet, ev, TEST_APP } from '../diagnosis/sheets.test-helper.js';
import { SEVERITIES } from '../../common/domain/findings.js';
import { buildDeviceReport, buildReport } from './build-report.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { FactSheet } from '../../common/domain/facts.js';
import { ReportSchema } from './report-schema.js';
import { renderMarkdown } from './render-markdown.js';
import { labFixture } from './report-fixture.test-helper.js';

/** The audit stage's job, done here so the report is built from what an audit would hand it. */
function diagnosed(sheet: FactSheet, app: string | null = TEST_APP) {
  const diagnosis = diagnose(sheet, { app });
  // The facts as the diagnosis concluded them (push channel, notifications effectively on).
  return { facts: diagnosis.sheet.facts, findings: diagnosis.findings };
}

const NOW = new Date('2026-11-25T10:00:00.000Z');

function labReport() {
  const oppo = buildDeviceReport({
    serial: 'R58M123ABC', state: 'device',
    ...diagnosed(buildSheet('oppo', {
      app: { notificationsEnabled: false },
      system: { zenMode: 1 },
      evidence: { 'system.zenMode': [ev('settings get global zen_mode', '1')] },
    })),
    pushTests: [{ route: 'tencent-im', sentAt: '2026-11-25T10:00:01.000Z', accepted: true, response: { code: '0', meaning: 'OK' },
      postedAt: '2026-11-25T10:00:01.812Z', latencyMs: 812, displayed: true }],
    probes: { read: ['getprop', 'dumpsys-notification'], missing: [] },
  });
  const locked = buildDeviceReport({
    serial: '127.0.0.1:6001', state: 'unauthorized', facts: null, findings: [],
    errors: [{ code: 'DEVICE_UNAUTHORIZED', message: 'Accept the USB debugging prompt on the phone.', during: 'connect' }],
  });
  return buildReport({ source: 'live', app: TEST_APP, devices: [oppo, locked], now: NOW, version: '0.1.0' });
}

describe('buildReport', () => {
  it('builds a report that validates against the push-doctor/report@1 schema', () => {
    const report = labReport();
    const parsed = ReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
    expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    expect(report).toMatchObject({ schema: 'push-doctor/report@1', generatedAt: '2026-11-25T10:00:00.000Z', tool: { name: 'push-doctor', version: '0.1.0' }, app: TEST_APP });
  });

  it('rejects a report whose facts are not typed', () => {
    const report = JSON.parse(JSON.stringify(labReport()));
    report.devices[0].facts.system.zenMode = '1';
    expect(ReportSchema.safeParse(report).success).toBe(false);
  });

  it('sorts each device\'s findings worst first and includes what passed', () => {
    const d = labReport().devices[0];
    const ranks = d?.findings.map((f) => SEVERITIES.indexOf(f.severity)) ?? [];
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(d?.findings.some((f) => f.severity === 'ok')).toBe(true);
    expect(d?.findings[0]?.id).toBe('app-notifications-blocked');
  });

  it('gives an unreadable phone empty facts, no findings and its error', () => {
    const d = labReport().devices[1];
    expect(d?.facts.brand).toBeNull();
    expect(d?.findings).toEqual([]);
    expect(d?.errors[0]?.code).toBe('DEVICE_UNAUTHORIZED');
  });

  it('lets a later stage\'s finding replace the phone\'s answer for the same step', () => {
    const later = { id: 'console-certificate', severity: 'ok' as const, title: 'x', detail: 'confirmed by test push', evidence: [], remedy: '', faq: 'f' };
    const d = buildDeviceReport({ serial: 's1', state: 'device', ...diagnosed(buildSheet()), extraFindings: [later] });
    expect(d.findings.filter((f) => f.id === 'console-certificate')).toEqual([later]);
  });

  it('omits app when none was named', () => {
    expect('app' in buildReport({ source: 'capture', app: null, devices: [], now: NOW, version: '0.1.0' })).toBe(false);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(labReport());

  it('gives each device an identity line and a findings table with remedies', () => {
    expect(md).toContain('## OPPO CPH2305 · Android 13 (API 33) · ColorOS V13.1 · push: OPPO');
    expect(md).toContain('| Severity | Check | What was seen | Remedy | Evidence |');
    expect(md).toMatch(/\| Failed \| App notifications are allowed \(`app-notifications-blocked`\) \|.*OPPO turns notifications off by default/);
  });

  it('puts the marketing name in the phone\'s heading', () => {
    expect(renderMarkdown(labFixture())).toContain('## OPPO Find X3 (PEDM00) · Android 14 (API 34) · ColorOS V14.0 · push: OPPO');
  });

  it('shows evidence in code spans', () => {
    expect(md).toContain('`settings get global zen_mode` → `1`');
  });

  it('lists passed checks, test pushes and errors', () => {
    expect(md).toMatch(/\*\*Checked and fine:\*\* .*Vendor push service is installed/);
    // Times are for readers, formatted with Intl for the report's locale (in UTC).
    expect(md).toContain('`tencent-im` at Nov 25, 2026, 10:00:01 UTC: accepted');
    expect(md).toContain('`DEVICE_UNAUTHORIZED` during `connect`: Accept the USB debugging prompt on the phone.');
  });

  it('keeps table rows intact when text holds pipes and backticks', () => {
    const d = buildDeviceReport({ serial: 'a|b', state: 'device', ...diagnosed(buildSheet('xiaomi', {
      system: { zenMode: 2 },
      evidence: { 'system.zenMode': [ev('settings get global zen_mode | cat', 'x `y` | z')] },
    })) });
    const out = renderMarkdown(buildReport({ source: 'live', app: TEST_APP, devices: [d], now: NOW, version: '0.1.0' }));
    const row = out.split('\n').find((l) => l.includes('`dnd-on`')) ?? '';
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
    expect(row).toContain('``x `y` \\| z``');
    expect(out).toContain('Serial `a|b`');
  });
});
