import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../common/domain/report.js';
import { freePort, runAdb } from '../sim/adb/adb-server.js';
import { PROFILES_DIR, startLab, type Lab } from '../sim/lab.js';
import { cli } from './cli-harness.js';

/**
 * Every report format from one lab audit, and the history across audits: on simulated phones over the real
 * adb server, through the CLI as a lab owner runs it.
 */
const APP = 'com.example.im';
const PROFILES = ['xiaomi-hyperos-a14', 'oppo-coloros-a14', 'pixel-a16'];

let adbPort = 0;
let lab: Lab;
let scratch = '';

beforeAll(async () => {
  adbPort = await freePort();
  scratch = mkdtempSync(join(tmpdir(), 'reports-history-'));
  lab = await startLab({ profiles: PROFILES, adbPort, profilesDir: PROFILES_DIR });
}, 120_000);

afterAll(async () => {
  await lab?.stop();
  if (adbPort) await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const adb = () => ['--adb', `127.0.0.1:${adbPort}`];
const serialOf = (profile: string) => lab.phones.find((p) => p.profile === profile)!.serial;

describe('report formats on the lab', () => {
  it('writes HTML, CSV, Markdown and PDF, each naming every phone', async () => {
    for (const format of ['html', 'csv', 'md', 'pdf']) {
      const out = join(scratch, `lab.${format}`);
      const r = await cli(['audit', ...adb(), '--all', '--app', APP, '--format', format, '--out', out, '--no-history']);
      expect(r.code, r.stderr).toBe(0);
      const text = format === 'pdf' ? execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }) : readFileSync(out, 'utf8');
      for (const model of ['Redmi K50 Pro', 'Pixel 8 Pro']) expect(text, `${format}: ${model}`).toContain(model.split(' ').at(-1));
      if (format === 'csv') expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + PROFILES.length);
      if (format !== 'csv') expect(text, format).toContain('Notification permission is granted');
    }
  }, 120_000);

  it('speaks Chinese with --lang zh-CN, evidence untranslated', async () => {
    const out = join(scratch, 'lab-zh.html');
    const r = await cli(['audit', ...adb(), '--all', '--app', APP, '--format', 'html', '--lang', 'zh-CN', '--out', out, '--no-history']);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('手机上的通知设置');
    expect(html).toContain('dumpsys notification --noredact');
  }, 60_000);
});

describe('audit --since-last', () => {
  it('reports a setting changed on the phone since its last audit, and nothing else', async () => {
    const history = join(scratch, 'history');
    const audit = async () => {
      const r = await cli(['audit', ...adb(), '--serial', serialOf('xiaomi-hyperos-a14'), '--app', APP, '--since-last', '--history', history]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as Report).devices[0]!;
    };
    const first = await audit();
    expect(first.changes).toEqual([]);
    expect(first.previousAuditAt).toBeUndefined();

    const unchanged = await audit();
    expect(unchanged.changes).toEqual([]);
    expect(unchanged.previousAuditAt).toBeDefined();

    await runAdb(adbPort, ['-s', serialOf('xiaomi-hyperos-a14'), 'shell', 'settings', 'put', 'global', 'zen_mode', '1']);
    try {
      const changed = await audit();
      expect(changed.changes).toEqual([
        { path: 'system.zenMode', before: 0, after: 1 },
        { finding: 'dnd-on', before: 'ok', after: 'warning' },
      ]);
    } finally {
      await runAdb(adbPort, ['-s', serialOf('xiaomi-hyperos-a14'), 'shell', 'settings', 'put', 'global', 'zen_mode', '0']);
    }
  }, 120_000);
});
