import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { labFixture } from '../report/report-fixture.test-helper.js';
import { historyDir, userDataDir } from './data-dir.js';
import { deviceChanges } from './device-changes.js';
import { deviceIdentity, HistoryStore } from './history-store.js';

function temp(): string {
  return mkdtempSync(path.join(tmpdir(), 'pd-history-'));
}

function at(report: Report, iso: string, edit?: (d: DeviceReport) => void): Report {
  const copy = structuredClone(report);
  copy.generatedAt = iso;
  if (edit) copy.devices.forEach(edit);
  return copy;
}

describe('userDataDir', () => {
  it('follows each OS convention, shared by the app and the CLI', () => {
    expect(userDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux', '/home/u')).toBe('/x/data/push-doctor');
    expect(userDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/u')).toBe('/home/u/.local/share/push-doctor');
    expect(userDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Push Doctor');
    expect(userDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Roaming\\Push Doctor');
    expect(historyDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe(path.join('/x/push-doctor', 'history'));
  });
});

describe('deviceChanges', () => {
  it('reports a setting turned on, a channel blocked and a finding that appeared, and nothing else', () => {
    const before = labFixture().devices[1]!;
    const after = structuredClone(before);
    after.facts.system.zenMode = 1;
    after.facts.app!.channels![0]!.importance = 0;
    after.findings.push({ id: 'dnd-on', severity: 'warning', title: 'x', detail: 'x', remedy: '', evidence: [], faq: '' });
    expect(deviceChanges(before, after)).toEqual([
      { path: 'app.channels[new_message].importance', before: 4, after: 0 },
      { path: 'system.zenMode', before: null, after: 1 },
      { finding: 'dnd-on', before: null, after: 'warning' },
    ]);
  });

  it('sees no change when only the order of channels differs', () => {
    const before = labFixture().devices[1]!;
    before.facts.app!.channels!.push({ ...before.facts.app!.channels![0]!, id: 'tuikit' });
    const after = structuredClone(before);
    after.facts.app!.channels!.reverse();
    expect(deviceChanges(before, after)).toEqual([]);
  });
});

describe('HistoryStore', () => {
  it('gives each phone the changes since its previous audit of the same app', async () => {
    const store = new HistoryStore({ dir: temp() });
    const first = at(labFixture(), '2026-11-25T10:00:00.000Z');
    await store.save(first);
    const second = at(labFixture(), '2026-11-26T10:00:00.000Z', (d) => { if (d.serial === 'R58M123ABC') d.facts.system.zenMode = 1; });
    const withChanges = await store.withChanges(second);
    const [pixel, oppo, locked] = withChanges.devices;
    expect(pixel?.changes).toEqual([]);
    expect(pixel?.previousAuditAt).toBe('2026-11-25T10:00:00.000Z');
    expect(oppo?.changes).toEqual([{ path: 'system.zenMode', before: null, after: 1 }]);
    expect(locked?.changes).toBeUndefined();
    const otherApp = { ...second, app: 'com.other.app' };
    expect((await store.withChanges(otherApp)).devices[0]?.changes).toEqual([]);
    expect((await store.withChanges(otherApp)).devices[0]?.previousAuditAt).toBeUndefined();
  });

  it('recognises a network phone whose port changed by its host and build fingerprint', () => {
    const d = structuredClone(labFixture().devices[0]!);
    d.facts.fingerprint = 'google/husky/husky:16/CP1A/1:user/release-keys';
    d.ref = { server: '127.0.0.1:5038', serial: '192.168.1.7:40211' };
    const moved = structuredClone(d);
    moved.ref = { server: '127.0.0.1:5038', serial: '192.168.1.7:38817' };
    const other = structuredClone(d);
    other.facts.fingerprint = 'xiaomi/other';
    expect(deviceIdentity(moved, 'a')).toBe(deviceIdentity(d, 'a'));
    expect(deviceIdentity(other, 'a')).not.toBe(deviceIdentity(d, 'a'));
    expect(deviceIdentity(d, 'b')).not.toBe(deviceIdentity(d, 'a'));
  });

  it('keeps the configured number of audits per phone', async () => {
    const dir = temp();
    const store = new HistoryStore({ dir, keepPerDevice: 3 });
    for (let day = 10; day < 16; day++) await store.save(at(labFixture(), `2026-11-${day}T10:00:00.000Z`));
    const folders = readdirSync(path.join(dir, 'devices'));
    expect(folders).toHaveLength(2);
    for (const f of folders) expect(readdirSync(path.join(dir, 'devices', f))).toHaveLength(3);
    expect((await store.previous(labFixture().devices[0]!, 'com.example.im'))?.auditedAt).toBe('2026-11-15T10:00:00.000Z');
  });

  it('leaves the previous history readable when the process is killed mid-write', async () => {
    const dir = temp();
    const store = new HistoryStore({ dir });
    await store.save(at(labFixture(), '2026-11-25T10:00:00.000Z'));
    const pixel = labFixture().devices[0]!;
    const folder = path.join(dir, 'devices', deviceIdentity(pixel, 'com.example.im'));
    const before = readdirSync(folder);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./kill-mid-write.test-child.ts', import.meta.url)),
      folder, '2026-11-26T10-00-00-000Z-aaaaaa.json', '768'], { stdio: 'ignore' });
    let sawTemp = false;
    for (let i = 0; i < 2000 && !sawTemp; i++) {
      await new Promise((r) => setTimeout(r, 5));
      sawTemp = readdirSync(folder).some((n) => n.startsWith('.'));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(sawTemp).toBe(true);
    expect(readdirSync(folder).filter((n) => !n.startsWith('.'))).toEqual(before);
    expect((await store.previous(pixel, 'com.example.im'))?.auditedAt).toBe('2026-11-25T10:00:00.000Z');
    await mkdir(folder, { recursive: true });
    await store.save(at(labFixture(), '2026-11-27T10:00:00.000Z'));
    expect(readdirSync(folder).some((n) => n.startsWith('.'))).toBe(false);
  }, 30_000);
});
