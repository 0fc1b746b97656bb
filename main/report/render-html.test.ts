import { describe, expect, it } from 'vitest';
import { ReportSchema } from './report-schema.js';
import { renderHtml } from './render-html.js';
import { labFixture } from './report-fixture.test-helper.js';

describe('renderHtml', () => {
  const report = labFixture();
  const html = renderHtml(report, { environment: { 'adb server': 'Android Debug Bridge version 1.0.41' } });

  it('renders from a report that fits the JSON contract', () => {
    expect(ReportSchema.safeParse(report).success).toBe(true);
  });

  it('names a phone by maker, marketing name and model, and by maker and model where it has no marketing name', () => {
    const lab = html.slice(html.indexOf('<section class="lab">'), html.indexOf('id="device-0"'));
    expect(lab).toContain('OPPO Find X3 (PEDM00)');
    expect(lab).toContain('Google Pixel 8 Pro');
    expect(html).toContain('<h2>OPPO Find X3 (PEDM00) · Android 14 (API 34) · ColorOS V14.0 · push: OPPO</h2>');
  });

  it('reads a report written before marketing names', () => {
    const old = JSON.parse(JSON.stringify(report)) as { devices: { facts: Record<string, unknown> }[] };
    for (const d of old.devices) delete d.facts.marketName;
    expect(ReportSchema.safeParse(old).success).toBe(true);
  });

  it('counts in the lab table what changed since each phone\'s previous audit, linked to the list', () => {
    const withHistory = labFixture();
    const [pixel, oppo] = withHistory.devices;
    Object.assign(pixel!, { previousAuditAt: '2026-11-24T09:00:00.000Z', changes: [{ path: 'system.zenMode', before: 0, after: 1 }, { finding: 'dnd-on', before: 'ok', after: 'warning' }] });
    Object.assign(oppo!, { changes: [] });
    const page = renderHtml(withHistory);
    const lab = page.slice(page.indexOf('<section class="lab">'), page.indexOf('id="device-0"'));
    expect(lab).toContain('<th>Changes since the last audit</th>');
    expect(lab).toContain('<td><a href="#device-0-changes">2</a></td>');
    expect(lab).toContain('<td class="meta">first audit</td>');
    expect(page).toContain('<h3 id="device-0-changes">');
    expect(page).toContain('system.zenMode 0 → 1');
    // The locked phone has no history: its cell stays empty and the row keeps its width.
    const rows = lab.split('<tr>').slice(2);
    expect(rows.map((r) => (r.match(/<td/g) ?? []).length)).toEqual([6, 6, 6]);
  });

  it('is self-contained: no script, no external resource', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain('<html lang="en">');
  });

  it('escapes what the phone printed', () => {
    expect(html).toContain('tuikit &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('新消息');
  });

  it('puts each phone\'s verdict before its checklist, naming the root cause first', () => {
    const pixel = html.slice(html.indexOf('id="device-0"'), html.indexOf('id="device-1"'));
    const verdict = pixel.indexOf('class="verdict');
    expect(verdict).toBeGreaterThan(0);
    expect(verdict).toBeLessThan(pixel.indexOf('class="step'));
    expect(pixel).toContain('Push cannot show on this phone: com.example.im does not hold POST_NOTIFICATIONS');
    expect(pixel).toContain('Follows from: post-notifications-denied');
  });

  it('groups the checklist by the FAQ sections in order and shows evidence, fixes and answers', () => {
    const pixel = html.slice(html.indexOf('id="device-0"'), html.indexOf('id="device-1"'));
    expect(pixel.indexOf('5. Notification settings on the phone')).toBeGreaterThan(0);
    expect(pixel).toContain('$ dumpsys package com.example.im');
    expect(pixel).toContain('settings put global zen_mode 0');
    expect(pixel).toContain('user confirms still logged in');
    expect(pixel).toContain('127.0.0.1:5038');
  });

  it('opens with the lab table and ends with the environment block', () => {
    expect(html.indexOf('<section class="lab">')).toBeLessThan(html.indexOf('id="device-0"'));
    expect(html).toContain('Android Debug Bridge version 1.0.41');
    expect(html).toContain('push-doctor 0.1.0');
    expect(html).toContain('Accept the &quot;Allow USB debugging?&quot; prompt');
  });
});

describe('renderHtml in Chinese', () => {
  const html = renderHtml(labFixture(), { locale: 'zh-CN' });

  it('marks the page zh-CN and speaks Chinese around the phone\'s own words', () => {
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('5. 手机上的通知设置');
    expect(html).toContain('首先：');
    expect(html).toContain('此手机无法显示推送');
    expect(html).toContain('2026年11月25日');
    // Evidence stays as the phone printed it.
    expect(html).toContain('android.permission.POST_NOTIFICATIONS: granted=false');
    expect(html).not.toContain('Do first:');
  });
});
