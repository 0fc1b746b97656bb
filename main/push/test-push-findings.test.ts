import { describe, expect, it } from 'vitest';
import type { Finding } from '../../common/domain/findings.js';
import { localizeFinding } from '../../common/i18n/render-finding.js';
import { englishLeft } from '../../test/i18n/english-left.js';
import { composeChecks } from './compose-checks.js';
import { mergeAcrossConditions, testPushFindings, type PushVerdict } from './test-push-findings.js';
import { message } from '../../test/push-servers/fixtures.js';

const base: PushVerdict = {
  route: 'fcm', condition: 'background', accepted: true, acceptCode: '200', acceptMeaning: 'OK', acceptAction: '', acceptKnown: true, acceptMs: 120,
  watched: true, delivered: true, latencyMs: 840, channelId: 'new_message', importance: 4, notDelivered: null, display: 'shown', evidence: [],
  click: { tapped: true, resumed: 'com.other/.Main', expected: null, app: 'com.example.im', problem: null, evidence: [] }, sendEvidence: [],
};

/** Every text of the finding in Chinese: CJK in each, and no English run left but identifiers and the phone's words. */
function expectChinese(f: Finding): void {
  const zh = localizeFinding(f, 'zh-CN');
  for (const text of [zh.title, zh.detail, ...(zh.remedy ? [zh.remedy] : [])]) {
    expect(text, `${f.id}: ${text}`).toMatch(/[\u4e00-\u9fff]/);
    expect(englishLeft(text), text).toEqual([]);
  }
}

describe('test-push findings', () => {
  it('say what happened in English, and the same in Chinese from their messages', () => {
    const findings = testPushFindings(base);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['test-push-accepted', 'ok'], ['test-push-delivered', 'ok'], ['test-push-displayed', 'ok'], ['test-push-click', 'error'],
    ]);
    expect(findings[0]!.detail).toBe('fcm accepted the test push (phone background) in 120 ms (code 200).');
    expect(findings[3]!.detail).toBe('Tapping the test push opened com.other/.Main, not a page of com.example.im (phone background).');
    expect(localizeFinding(findings[1]!, 'zh-CN').detail).toBe('已在手机上发出通知（应用在后台），发送后 840 ms 到达，通知渠道“new_message”。');
    for (const f of findings) expectChinese(f);
  });

  it('renders every not-delivered and display reason in Chinese', () => {
    const reasons = ['channel-missing', 'app-stopped', 'app-blocked', 'channel-blocked', 'deferred-doze', 'data-message', 'fcm-foreground', 'im-online', 'no-trace'] as const;
    for (const notDelivered of reasons) for (const f of testPushFindings({ ...base, delivered: false, notDelivered, click: null })) expectChinese(f);
    for (const display of ['silent', 'dnd', 'min-importance', 'lock-screen-hidden', 'unknown'] as const) {
      const f = testPushFindings({ ...base, display, click: null }).find((x) => x.id === 'test-push-displayed')!;
      expect(f.severity).not.toBe('ok');
      expectChinese(f);
    }
    for (const f of testPushFindings({ ...base, accepted: false, acceptKnown: false })) expectChinese(f);
  });

  it('merges conditions into one finding whose sentences render in either language', () => {
    const stopped = testPushFindings({ ...base, condition: 'stopped', delivered: false, notDelivered: 'app-stopped', click: null });
    const merged = mergeAcrossConditions([testPushFindings({ ...base, click: null }), stopped]);
    const delivered = merged.find((f) => f.id === 'test-push-delivered')!;
    expect(delivered.severity).toBe('error');
    expect(delivered.detail).toMatch(/^Posted on the phone \(phone background\).*\. The test push was accepted but not posted \(phone stopped\): Play services/);
    expect(localizeFinding(delivered, 'zh-CN').detail).toMatch(/（应用在后台）.*。测试推送已被接受，但没有发出通知（应用被强行停止）/);
  });
});

describe('composer checks in Chinese', () => {
  it('render every warning and remedy in Chinese', () => {
    const m = message({ title: 'test', body: '1', channelId: 'promo', sound: 'ring01', tencent: { element: 'custom' } });
    const findings = [
      ...composeChecks('tencent-im', { ...m, body: '' }, { channel: 'oppo', androidSdk: 33, appChannels: [] }),
      ...composeChecks('fcm', m, { channel: 'fcm', androidSdk: 34, appChannels: [] }),
      ...composeChecks('xiaomi', m, { channel: 'xiaomi', androidSdk: 34, appChannels: null }),
    ];
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) expectChinese(f);
  });
});
