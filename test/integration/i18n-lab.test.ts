import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../common/domain/report.js';
import { listProfiles } from '../sim/android/create-phone.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { PROFILES_DIR, startLab, type Lab } from '../sim/lab.js';
import { englishLeft } from '../i18n/english-left.js';
import { cli } from './cli-harness.js';

/**
 * The done-when of the Chinese issue on the whole simulated lab: every finding title, detail and remedy of a
 * zh-CN Markdown report is Chinese (evidence, identifiers and proper names aside); a saved English JSON report
 * rendered again with `analyze --lang zh-CN` equals a live zh-CN audit; and the zh-CN PDF's text, read back
 * with pdftotext, holds the Chinese findings.
 */

const APP = 'com.example.im';
const CJK = /[\u4e00-\u9fff]/;
let adbPort = 0;
let lab: Lab;
let scratch = '';

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'i18n-lab-'));
  lab = await startLab({ profiles: listProfiles(PROFILES_DIR).map((p) => p.name), adbPort });
}, 180_000);

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const audit = (...args: string[]) => cli(['audit', '--adb', `127.0.0.1:${adbPort}`, '--all', '--app', APP, '--no-history', ...args]);

/** The cells of a Markdown table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

/** What a finding says to the reader, phone by phone, without the report's time line. */
function said(r: Report) {
  return r.devices.map((d) => ({ serial: d.serial, findings: d.findings.map(({ id, severity, title, detail, remedy }) => ({ id, severity, title, detail, remedy })) }));
}

describe('the lab in Simplified Chinese', () => {
  it('audit --all --lang zh-CN --format md: every finding title, detail and remedy is Chinese', async () => {
    const r = await audit('--lang', 'zh-CN', '--format', 'md');
    expect([0, 1, 3], r.stderr).toContain(r.code);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('|---'));
    const findingRows = rows.slice(0).filter((l) => /\(`[a-z0-9-]+`\)/.test(l));
    expect(findingRows.length).toBeGreaterThan(lab.phones.length);
    const left: string[] = [];
    for (const row of findingRows) {
      // severity | title (id) | detail | remedy (fix) | evidence — the evidence cell is the phone's words and stays.
      const [severity, title, detail, remedy] = cells(row);
      for (const [what, text] of Object.entries({ severity, title, detail, remedy })) {
        if (text === undefined) continue;
        if (what !== 'remedy' || text !== '') expect(text, `${what}: ${row}`).toMatch(CJK);
        for (const e of englishLeft(text)) left.push(`${what} «${e.run}» in: ${text}`);
      }
    }
    const passed = r.stdout.split('\n').filter((l) => l.startsWith('**已检查且正常：**'));
    expect(passed.length).toBeGreaterThan(0);
    for (const line of passed) for (const e of englishLeft(line)) left.push(`passed «${e.run}» in: ${line}`);
    expect(left).toEqual([]);
  }, 180_000);

  it('analyze report.json --lang zh-CN renders a saved English report as a live zh-CN audit does', async () => {
    const enFile = join(scratch, 'en.json');
    const en = await audit('--lang', 'en', '--format', 'json', '--out', enFile);
    expect([0, 1, 3], en.stderr).toContain(en.code);
    const saved = JSON.parse(readFileSync(enFile, 'utf8')) as Report;
    expect(saved.lang).toBe('en');
    expect(saved.devices.flatMap((d) => d.findings).every((f) => f.message !== undefined)).toBe(true);

    const again = await cli(['analyze', enFile, '--lang', 'zh-CN', '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    const rendered = JSON.parse(again.stdout) as Report;
    const live = JSON.parse((await audit('--lang', 'zh-CN', '--format', 'json')).stdout) as Report;
    expect(rendered.lang).toBe('zh-CN');
    expect(said(rendered)).toEqual(said(live));
    // And back: the Chinese rendering keeps the ids, so English comes back word for word.
    const zhFile = join(scratch, 'zh.json');
    expect((await cli(['analyze', enFile, '--lang', 'zh-CN', '--format', 'json', '--out', zhFile])).code).toBe(0);
    const back = JSON.parse((await cli(['analyze', zhFile, '--lang', 'en', '--format', 'json'])).stdout) as Report;
    expect(said(back)).toEqual(said(saved));
  }, 240_000);

  it('the zh-CN PDF holds the Chinese findings as text pdftotext extracts', async () => {
    const jsonFile = join(scratch, 'zh-pdf.json');
    expect((await audit('--lang', 'zh-CN', '--format', 'json', '--out', jsonFile)).code).not.toBe(2);
    const file = join(scratch, 'zh.pdf');
    const r = await cli(['analyze', jsonFile, '--lang', 'zh-CN', '--format', 'pdf', '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const report = JSON.parse(readFileSync(jsonFile, 'utf8')) as Report;
    const titles = [...new Set(report.devices.flatMap((d) => d.findings.filter((f) => f.severity !== 'ok').map((f) => f.title)))];
    expect(titles.length).toBeGreaterThan(5);
    const missing = titles.filter((t) => !text.includes(t.replace(/\s+/g, '')));
    expect(missing).toEqual([]);
  }, 240_000);
});
