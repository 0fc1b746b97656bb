import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../checklist/checklist.js';
import type { Finding } from '../domain/findings.js';
import { REPORT_SCHEMA, type Report } from '../domain/report.js';
import { IM_TOKEN_ERRORS, VENDORS } from '../vendors/vendor-table.js';
import { ROM_LABELS } from '../vendors/rom-labels.js';
import { en } from './messages/en.js';
import { zhCN } from './messages/zh-CN.js';
import { msg, pluralMsg, setting } from './msg.js';
import { localizeFinding, localizeReport, renderMsg, renderSetting } from './render-finding.js';

const EN = en as Record<string, string>;
const ZH = zhCN as Record<string, string>;

describe('the findings catalog', () => {
  it('has a title for every checklist step, in the checklist\'s own English', () => {
    for (const e of CHECKLIST) {
      expect(EN[`check.${e.id}.title`], e.id).toBe(e.title);
      expect(ZH[`check.${e.id}.title`], e.id).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says the vendor table\'s words in English: names, restrictions and registration error meanings', () => {
    for (const v of Object.values(VENDORS)) {
      expect(EN[`vendor.${v.vendor}.name`], v.vendor).toBe(v.displayName);
      expect(EN[`vendor.${v.vendor}.classification`], v.vendor).toBe(v.restrictions.classification);
      expect(EN[`vendor.${v.vendor}.dailyLimit`], v.vendor).toBe(v.restrictions.dailyLimit);
      for (const [code, meaning] of Object.entries(v.tokenErrors)) expect(EN[`token-error.${v.vendor}.${code}`], code).toBe(meaning);
    }
    for (const [code, meaning] of Object.entries(IM_TOKEN_ERRORS)) expect(EN[`token-error.im.${code}`], code).toBe(meaning);
  });
});

describe('renderMsg', () => {
  it('renders nested messages and counted messages in the locale, and leaves strings as the phone wrote them', () => {
    const m = msg('finding.dnd-on.bypass', { mode: msg('finding.dnd-on.mode.1'), app: 'com.example.im', channels: 'chat, tuikit' });
    expect(renderMsg('en', m)).toBe('Do Not Disturb is on (priority only); com.example.im channel(s) chat, tuikit may override it.');
    expect(renderMsg('zh-CN', m)).toBe('免打扰已开启（仅限优先事项）；com.example.im 的通知渠道 chat, tuikit 可以绕过免打扰。');
    expect(renderMsg('en', pluralMsg('finding.channel-blocked.some', 1, { channels: 'a' }))).toMatch(/^Blocked channel: a; a push sent on it/);
    expect(renderMsg('en', pluralMsg('finding.channel-blocked.some', 2, { channels: 'a, b' }))).toMatch(/^Blocked channels: a, b; .*one of them/);
    expect(renderMsg('zh-CN', pluralMsg('finding.channel-blocked.some', 1, { channels: 'a' }))).toMatch(/^已关闭的通知渠道：a；通过其中任一渠道/);
  });

  it('falls back to English, then to the message\'s own fallback, never to the bare id', () => {
    expect(renderMsg('zh-CN', { key: 'no.such.key', fallback: 'From a newer version' })).toBe('From a newer version');
    expect(renderMsg('zh-CN', msg('untranslated', { text: 'Plain English from an unconverted rule.' }))).toBe('Plain English from an unconverted rule.');
  });
});

describe('renderSetting', () => {
  it('names the screen as the phone\'s ROM labels it in the reader\'s language', () => {
    const zh = ROM_LABELS.MIUI!.autostart!['zh-CN']![0]!.path.join(' → ');
    expect(renderSetting('zh-CN', setting('autostart', 'MIUI', 'com.example.im'))).toBe(zh);
    expect(renderSetting('en', setting('autostart', 'MIUI', 'com.example.im'))).toBe('Settings → Apps → com.example.im → App permissions → Background autostart');
  });

  it('keeps an English-only ROM\'s own words, quoted in a Chinese report, and uses stock wording where no label was sourced', () => {
    expect(renderSetting('zh-CN', setting('batteryOptimization', 'OxygenOS', 'x.y'))).toMatch(/^「Settings → Battery → .*x\.y.*」$/);
    // ColorOS ships in Chinese but no Chinese label was found: stock-Android Chinese, not a guessed ColorOS label.
    expect(renderSetting('zh-CN', setting('autostart', 'ColorOS', 'x.y'))).toBe(ZH['setting.autostart']);
    expect(renderSetting('en', setting('dataSaver', null, null))).toBe('Settings → Network & internet → Data Saver');
    expect(renderSetting('zh-CN', setting('batteryOptimization', null, null))).toBe('设置 → 应用 → 该应用 → 电池 → 不受限制');
  });
});

describe('localizeReport', () => {
  const finding: Finding = {
    id: 'ringer-silent', severity: 'warning', title: 'Ringer is not silent', detail: 'x', remedy: 'y', faq: 'FAQ', evidence: [{ command: 'dumpsys audio', excerpt: 'mode: SILENT' }],
    message: { title: { key: 'check.ringer-silent.title' }, detail: msg('finding.ringer-silent.silent'), remedy: msg('finding.ringer-silent.remedy', { path: setting('notificationSound', 'EMUI', 'a.b') }) },
  };
  const report: Report = { schema: REPORT_SCHEMA, generatedAt: '2026-12-02T10:00:00Z', tool: { name: 'push-doctor', version: '0' }, source: 'live', devices: [{ serial: 's', state: 'device', facts: {} as never, findings: [finding], pushTests: [], errors: [] }] };

  it('renders every finding from its message and marks the language; evidence stays as the phone printed it', () => {
    const zh = localizeReport(report, 'zh-CN');
    const f = zh.devices[0]!.findings[0]!;
    expect(zh.lang).toBe('zh-CN');
    expect(f.title).toBe('手机未处于静音');
    expect(f.detail).toBe('手机处于静音模式：推送到达时既无声音也无振动。');
    expect(f.remedy).toContain('设置 → 通知 → 应用的通知管理 → 通知铃声');
    expect(f.evidence).toEqual(finding.evidence);
    expect(localizeReport(zh, 'en').devices[0]!.findings[0]!.detail).toBe('The phone is in silent mode: pushes arrive without sound or vibration.');
  });

  it('translates at least the title of a finding from a stage that emits no messages yet', () => {
    const { message: _, ...old } = finding;
    const f = localizeFinding({ ...old, detail: 'English detail' }, 'zh-CN');
    expect(f.title).toBe('手机未处于静音');
    expect(f.detail).toBe('English detail');
  });
});
