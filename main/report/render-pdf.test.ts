import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium } from './find-chromium.js';
import { renderHtml } from './render-html.js';
import { renderPdf } from './render-pdf.js';
import { labFixture } from './report-fixture.test-helper.js';

describe('findChromium', () => {
  it('prefers the override, then the OS package locations', () => {
    expect(chromiumCandidates({ PUSH_DOCTOR_CHROMIUM: '/opt/c/chrome' }, 'linux').slice(0, 2)).toEqual(['/opt/c/chrome', '/usr/bin/chromium']);
    expect(chromiumCandidates({ PROGRAMFILES: 'C:\\Program Files' }, 'win32')).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('says what to install when no browser is found', async () => {
    const r = await findChromium({ env: {}, platform: 'linux', isExecutable: async () => false });
    expect(r.found).toBe(false);
    if (!r.found) {
      expect(r.message).toContain('sudo apt-get install chromium');
      expect(r.message).toContain('PUSH_DOCTOR_CHROMIUM');
      expect(r.looked).toContain('/usr/bin/chromium');
    }
  });
});

describe('renderPdf', () => {
  it('prints the HTML report with the installed Chromium; pdftotext reads each phone and finding', async () => {
    const found = await findChromium({ env: process.env, platform: process.platform });
    if (!found.found) throw new Error(found.message);
    const pdf = await renderPdf(renderHtml(labFixture()), { executablePath: found.path });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'pd-pdf-'));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['Pixel 8 Pro', 'PEDM00', 'OPPO Find X3', 'Notification permission is granted', 'OPPO ChannelID is set and exists', 'Push cannot show on this phone']) {
      expect(text).toContain(s);
    }
  }, 60_000);
});
