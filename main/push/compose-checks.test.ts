import { describe, expect, it } from 'vitest';
import type { ChannelFact } from '../../common/domain/facts.js';
import { SEVERITIES } from '../../common/domain/findings.js';
import { checklistEntry } from '../../common/checklist/checklist.js';
import { message } from '../../test/push-servers/fixtures.js';
import { composeChecks, contentMayBeFiltered, customMessageNoDesc, customSoundUnsupported, channelNotCreated, oppoChannelId, trivialReason, type ComposeFacts } from './compose-checks.js';

function channel(id: string): ChannelFact {
  return { id, name: id, importance: 3, blocked: false, sound: null, vibration: null, lockscreenVisibility: null, showBadge: null, bypassDnd: null, group: null };
}
const EVIDENCE = [{ command: 'dumpsys notification --noredact', excerpt: 'NotificationChannel{mId=\'tuikit\'' }];
const oppoPhone: ComposeFacts = { channel: 'oppo', androidSdk: 33, appChannels: [channel('tuikit'), channel('im_messages')], channelEvidence: EVIDENCE };

describe('compose checks', () => {
  it('every finding has the checklist\'s title and FAQ, a known severity, and a remedy unless ok', () => {
    const all = [
      ...composeChecks('tencent-im', message({ tencent: { element: 'custom' }, body: '', sound: 'x' }), { channel: 'oppo', androidSdk: 33, appChannels: [] }),
      ...composeChecks('fcm', message({ sound: 'x', body: 'ok' }), { channel: 'fcm', androidSdk: 34, appChannels: [] }),
    ];
    expect(all.map((f) => f.id).sort()).toEqual(['channel-not-created', 'content-may-be-filtered', 'content-may-be-filtered', 'custom-message-no-desc', 'custom-sound-unsupported', 'custom-sound-unsupported', 'oppo-channel-id']);
    for (const f of all) {
      expect(f.title).toBe(checklistEntry(f.id).title);
      expect(f.faq).toBe(checklistEntry(f.id).faq);
      expect(SEVERITIES).toContain(f.severity);
      expect(f.evidence.length).toBeGreaterThan(0);
      if (f.severity !== 'ok') expect(f.remedy.length).toBeGreaterThan(10);
    }
  });

  it('custom-message-no-desc: a custom message needs TIMCustomElem.Desc or OfflinePushInfo.Desc', () => {
    expect(customMessageNoDesc('tencent-im', message({ body: ' ', tencent: { element: 'custom', customData: '{}' } }))?.severity).toBe('error');
    expect(customMessageNoDesc('tencent-im', message({ body: '', tencent: { element: 'custom', customDesc: 'New message' } }))?.severity).toBe('ok');
    expect(customMessageNoDesc('tencent-im', message({ tencent: { element: 'custom' } }))?.severity).toBe('ok');
    expect(customMessageNoDesc('tencent-im', message({ tencent: { element: 'text' } }))).toBeNull();
    expect(customMessageNoDesc('fcm', message({ tencent: { element: 'custom' }, body: '' }))).toBeNull();
  });

  it('oppo-channel-id: OPPO on Android 8+ needs a ChannelID the app created', () => {
    const none = oppoChannelId('tencent-im', message({ channelId: null }), oppoPhone);
    expect(none).toMatchObject({ severity: 'error' });
    expect(none!.remedy).toMatch(/OPPOChannelID.*"tuikit"/);
    const missing = oppoChannelId('oppo', message({ channelId: 'promo' }), oppoPhone);
    expect(missing).toMatchObject({ severity: 'error' });
    expect(missing!.detail).toMatch(/"promo", which the app has not created.*tuikit, im_messages/);
    expect(missing!.evidence).toContainEqual(EVIDENCE[0]);
    expect(oppoChannelId('tencent-im', message({ channelId: null, tencent: { element: 'text', androidInfo: { OPPOChannelID: 'tuikit' } } }), oppoPhone)?.severity).toBe('ok');
    expect(oppoChannelId('oppo', message(), { ...oppoPhone, appChannels: null })?.severity).toBe('unknown');
    expect(oppoChannelId('oppo', message({ channelId: null }), { ...oppoPhone, androidSdk: 25 })?.severity).toBe('ok');
    expect(oppoChannelId('oppo', message({ channelId: null }), { ...oppoPhone, androidSdk: null })?.severity).toBe('warning');
    // Tencent IM to a phone on another channel: not OPPO's question.
    expect(oppoChannelId('tencent-im', message({ channelId: null }), { ...oppoPhone, channel: 'xiaomi' })).toBeNull();
    expect(oppoChannelId('vivo', message(), oppoPhone)).toBeNull();
  });

  it('channel-not-created: the channel id named for the phone\'s channel is among the app\'s channels', () => {
    const mi: ComposeFacts = { channel: 'xiaomi', androidSdk: 34, appChannels: [channel('im_messages')] };
    const m = message({ channelId: null, tencent: { element: 'text', androidInfo: { XiaoMiChannelID: 'mi_high', OPPOChannelID: 'whatever' } } });
    const f = channelNotCreated('tencent-im', m, mi);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.detail).toMatch(/"mi_high" for Xiaomi.*its channels: im_messages/);
    expect(f!.evidence[0]!.excerpt).toBe('OfflinePushInfo.AndroidInfo.XiaoMiChannelID = "mi_high"');
    expect(channelNotCreated('xiaomi', message(), mi)?.severity).toBe('ok');
    expect(channelNotCreated('fcm', message({ channelId: 'nope' }), mi)!.detail).toMatch(/default_notification_channel_id/);
    expect(channelNotCreated('huawei', message(), { ...mi, appChannels: null })?.severity).toBe('unknown');
    // Nothing named, no channel field (vivo, Meizu, Honor via IM), Android < 8, OPPO: not this check's question.
    expect(channelNotCreated('huawei', message({ channelId: null }), mi)).toBeNull();
    expect(channelNotCreated('vivo', message(), mi)).toBeNull();
    expect(channelNotCreated('tencent-im', message(), { ...mi, channel: 'honor' })).toBeNull();
    expect(channelNotCreated('xiaomi', message({ channelId: 'x' }), { ...mi, androidSdk: 25 })).toBeNull();
    expect(channelNotCreated('oppo', message({ channelId: 'x' }), oppoPhone)).toBeNull();
  });

  it('custom-sound-unsupported reads customSoundSupported from the vendor table', () => {
    const on = (channel: ComposeFacts['channel'], sdk = 34): ComposeFacts => ({ channel, androidSdk: sdk, appChannels: [] });
    expect(customSoundUnsupported('tencent-im', message({ sound: 'ring01' }), on('vivo'))).toMatchObject({ severity: 'warning' });
    expect(customSoundUnsupported('oppo', message({ sound: 'ring01' }), on('oppo'))!.detail).toMatch(/OPPO ignores custom tones/);
    expect(customSoundUnsupported('tencent-im', message({ sound: null, tencent: { element: 'text', androidInfo: { Sound: 'ring01' } } }), on('honor'))?.severity).toBe('warning');
    for (const v of ['huawei', 'xiaomi', 'fcm'] as const) {
      expect(customSoundUnsupported(v, message({ sound: 'ring01' }), on(v))).toMatchObject({ severity: 'info', detail: expect.stringMatching(/belongs to the notification channel/) });
      expect(customSoundUnsupported(v, message({ sound: 'ring01' }), on(v, 25))?.severity).toBe('ok');
    }
    expect(customSoundUnsupported('tencent-im', message({ sound: 'ring01' }), on(null))?.severity).toBe('unknown');
    expect(customSoundUnsupported('tencent-im', message({ sound: 'ring01' }), on('none'))?.severity).toBe('unknown');
    expect(customSoundUnsupported('huawei', message({ sound: null }), on('huawei'))).toBeNull();
  });

  it('content-may-be-filtered flags trivial text and passes a real sentence', () => {
    for (const t of ['test', 'Test!', '测试', '1', 'ab', '12345678', '!!!!', 'aaaaaa', 'a a a a', '']) expect(trivialReason(t), t).not.toBeNull();
    for (const t of ['Push test from Push Doctor at 12:00:01', '你好，明天下午三点开会', 'New message from Ana']) expect(trivialReason(t), t).toBeNull();
    expect(contentMayBeFiltered(message({ title: 'test', body: '1' }))).toMatchObject({ severity: 'warning', detail: expect.stringMatching(/title is a bare test word and the body is shorter than 4/) });
    expect(contentMayBeFiltered(message())?.severity).toBe('ok');
    expect(contentMayBeFiltered(message({ body: '', tencent: { element: 'custom', customDesc: 'Incoming video call' } }))?.severity).toBe('ok');
    expect(contentMayBeFiltered(message({ body: '', tencent: { element: 'custom', customDesc: 'hi' } }))!.detail).toMatch(/desc is a bare test word/);
  });
});
