import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { resetElectronFake } from '../../test/fakes/electron.js';
import { emptyDeviceFacts } from '../../common/domain/facts.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { createAuditSessions } from '../services/audit-sessions.js';
import { createReportExporter } from './report-export.js';

const ref = { server: '127.0.0.1:5037', serial: 'R58M123ABC', transportId: 3 };
const device: DeviceReport = {
  serial: ref.serial, ref, state: 'device', facts: emptyDeviceFacts(), pushTests: [], errors: [],
  findings: [{ id: 'dnd-on', severity: 'warning', title: 'Do Not Disturb is on', detail: 'zen_mode=1', evidence: [], remedy: 'Turn it off.', faq: '' }],
};

let dir: string;
beforeEach(async () => {
  resetElectronFake();
  dir = await mkdtemp(path.join(os.tmpdir(), 'pd-export-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function exporter() {
  const sessions = createAuditSessions();
  const session = sessions.putAudit(ref, 'com.example.im', [], device, '2026-12-02T12:00:00.000Z');
  sessions.putRecheck(session, [], device, { finding: 'dnd-on', fix: 'dnd-off', command: 'cmd notification set_dnd off', at: '2026-12-02T12:01:00.000Z', ok: true, after: 'ok' }, '2026-12-02T12:01:00.000Z');
  sessions.setAnswer(ref, { finding: 'session-logged-out', answer: 'no', at: '2026-12-02T12:02:00.000Z' });
  return createReportExporter({
    dialog: electron.dialog, sessions: () => sessions, version: '0.1.0', defaultDir: dir, now: () => new Date('2026-12-02T12:03:00Z'),
    printPdf: async (html) => new Uint8Array(Buffer.from(`%PDF-1.4 ${html.length}`)),
  });
}

describe('report:export', () => {
  it('writes nothing when the user closes the dialog', async () => {
    expect(await exporter().exportReport({ format: 'json', refs: [ref] })).toEqual({ saved: false });
    expect(electron.dialog.saved[0]?.options).toMatchObject({
      defaultPath: path.join(dir, 'push-doctor-2026-12-02-12-03.json'),
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
  });

  it('writes the phone\'s last report with its fixes and answers where the user chose', async () => {
    const target = path.join(dir, 'out.json');
    // The dialog asked and the user agreed to replace it.
    await writeFile(target, 'old');
    electron.dialog.nextSave = { canceled: false, filePath: target };
    const result = await exporter().exportReport({ format: 'json', refs: [ref] });
    const text = await readFile(target, 'utf8');
    expect(result).toEqual({ saved: true, path: target, bytes: Buffer.byteLength(text) });
    const report = JSON.parse(text) as Report;
    expect(report).toMatchObject({ schema: 'push-doctor/report@1', source: 'live', app: 'com.example.im', generatedAt: '2026-12-02T12:03:00.000Z' });
    expect(report.devices[0]?.fixes).toEqual([expect.objectContaining({ fix: 'dnd-off', after: 'ok' })]);
    expect(report.devices[0]?.answers).toEqual([expect.objectContaining({ finding: 'session-logged-out', answer: 'no' })]);
  });

  it('redacts serials on request, and prints PDF through the app', async () => {
    electron.dialog.nextSave = { canceled: false, filePath: path.join(dir, 'r.md') };
    await exporter().exportReport({ format: 'md', refs: [ref], redact: true });
    expect(await readFile(path.join(dir, 'r.md'), 'utf8')).not.toContain(ref.serial);
    electron.dialog.nextSave = { canceled: false, filePath: path.join(dir, 'r.pdf') };
    await exporter().exportReport({ format: 'pdf', refs: [ref] });
    expect((await readFile(path.join(dir, 'r.pdf'), 'utf8')).startsWith('%PDF-1.4')).toBe(true);
  });

  it('refuses a phone not audited in this session before any dialog opens', async () => {
    await expect(exporter().exportReport({ format: 'csv', refs: [{ server: '127.0.0.1:5037', serial: 'other' }] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(electron.dialog.saved).toEqual([]);
  });
});
