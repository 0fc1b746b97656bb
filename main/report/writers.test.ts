import { describe, expect, it } from 'vitest';
import { availableFormats, REPORT_FORMATS, reportWriter } from './writers.js';

describe('report writers', () => {
  it('offers every format of the contract and says which are built', () => {
    expect(REPORT_FORMATS).toEqual(['json', 'md', 'html', 'pdf', 'csv']);
    expect(availableFormats()).toEqual(['json', 'md', 'html', 'pdf', 'csv']);
  });

  it('refuses a format that does not exist, naming what to use', async () => {
    expect(await reportWriter('docx')).toEqual({
      ok: false, reason: 'There is no "docx" report format; use --format json or --format md or --format html or --format pdf or --format csv.',
    });
  });

  it('writes PDF as bytes, the others as text', async () => {
    const pdf = await reportWriter('pdf');
    const csv = await reportWriter('csv');
    if (!pdf.ok || !csv.ok) throw new Error('pdf and csv are built, and Chromium is installed for the tests');
    expect(pdf.writer.binary).toBe(true);
    expect(csv.writer.binary).toBeFalsy();
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
