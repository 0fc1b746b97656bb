import { describe, expect, it } from 'vitest';
import { availableFormats, REPORT_FORMATS, reportWriter } from './writers.js';

describe('report writers', () => {
  it('offers every format of the contract and says which are built', () => {
    expect(REPORT_FORMATS).toEqual(['json', 'md', 'html', 'pdf', 'csv']);
    expect(availableFormats()).toEqual(['json', 'md']);
  });

  it('refuses a format that is not built yet, and one that does not exist, naming what to use', async () => {
    expect(await reportWriter('html')).toEqual({ ok: false, reason: 'The html report format is not in this build yet; use --format json or --format md.' });
    expect(await reportWriter('docx')).toEqual({ ok: false, reason: 'There is no "docx" report format; use --format json or --format md.' });
  });

  it('renders JSON and Markdown through the chosen writer', async () => {
    const report = { schema: 'push-doctor/report@1', generatedAt: '2026-11-25T10:00:00.000Z', tool: { name: 'push-doctor', version: '0.1.0' }, source: 'live', devices: [] } as const;
    const json = await reportWriter('json');
    const md = await reportWriter('md');
    if (!json.ok || !md.ok) throw new Error('json and md are built');
    expect(JSON.parse(String(await json.writer.render({ ...report, devices: [] })))).toMatchObject({ schema: 'push-doctor/report@1' });
    expect(String(await md.writer.render({ ...report, devices: [] }))).toMatch(/^# Push Doctor report/);
  });
});
