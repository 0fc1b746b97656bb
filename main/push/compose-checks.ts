import { checklistEntry } from '../../common/checklist/checklist.js';
import type { ChannelFact, Evidence, PushChannel, Vendor } from '../../common/domain/facts.js';
import type { Finding, Severity } from '../../common/domain/findings.js';
import { VENDORS } from '../../common/vendors/vendor-table.js';
import { androidInfoFor } from './routes/tencent-im.js';
import type { RouteId, TencentAndroidInfo, TestPushMessage } from './types.js';

/**
 * The composer's checks before a test push is sent (checklist section 4, ../shared/spec/checklist.md). Pure:
 * the message, the route and the phone's facts in, findings out. A check that does not apply returns null;
 * one whose input the phone did not give (channels unread, channel unknown) says `unknown`, never `ok`.
 */
export interface ComposeFacts {
  /** The phone's push channel (facts.pushChannel). */
  channel: PushChannel | null;
  /** Android API level (facts.android.sdk). */
  androidSdk: number | null;
  /** The app's notification channels on the phone (facts.app.channels); null when not read. */
  appChannels: readonly ChannelFact[] | null;
  /** Where the channel list came from (FactSheet.evidence['app.channels']). */
  channelEvidence?: readonly Evidence[];
}

const COMPOSER = 'test-push composer';
/** Notification channels exist from Android 8.0 (API 26). */
const O = 26;

function finding(id: string, severity: Severity, detail: string, remedy: string, evidence: Evidence[]): Finding {
  const e = checklistEntry(id);
  return { id, severity, title: e.title, detail, evidence, remedy: severity === 'ok' ? '' : remedy, faq: e.faq };
}

function messageEvidence(field: string, value: string | null | undefined): Evidence {
  return { command: COMPOSER, excerpt: `${field} = ${value === null || value === undefined ? '(not set)' : JSON.stringify(value)}` };
}

/** The vendor whose service will carry the push: the phone's channel for Tencent IM, the route's own otherwise. */
export function deliveringVendor(route: RouteId, channel: PushChannel | null): Vendor | null {
  if (route === 'tencent-im') return channel && channel !== 'none' ? channel : null;
  return route;
}

/** The channel id the message names for `vendor`, and the field it is in. */
export function namedChannel(route: RouteId, m: TestPushMessage, vendor: Vendor): { field: string; id: string | null } | null {
  if (route === 'tencent-im') {
    const field = VENDORS[vendor].channelIdField;
    if (!field) return null;
    const v = androidInfoFor(m)[field as keyof TencentAndroidInfo];
    return { field: `OfflinePushInfo.AndroidInfo.${field}`, id: typeof v === 'string' && v !== '' ? v : null };
  }
  // vivo and Meizu have no channel field in their send APIs (push-apis §3.5, §3.6).
  if (route === 'vivo' || route === 'meizu') return null;
  return { field: `${route} channel id`, id: m.channelId };
}

function channelList(channels: readonly ChannelFact[]): string {
  return channels.length ? channels.map((c) => c.id).join(', ') : '(none)';
}

export function customMessageNoDesc(route: RouteId, m: TestPushMessage): Finding | null {
  if (route !== 'tencent-im' || m.tencent?.element !== 'custom') return null;
  const ev = [messageEvidence('TIMCustomElem.Desc', m.tencent.customDesc ?? null), messageEvidence('OfflinePushInfo.Desc', m.body || null)];
  if (m.tencent.customDesc?.trim() || m.body.trim()) {
    return finding('custom-message-no-desc', 'ok', 'The custom message has a push text (TIMCustomElem.Desc or OfflinePushInfo.Desc).', '', ev);
  }
  return finding('custom-message-no-desc', 'error',
    'The custom message has neither TIMCustomElem.Desc nor OfflinePushInfo.Desc, so IM generates no offline push for it (push-apis §1.4).',
    'Set the push text: OfflinePushInfo.Desc (V2TIMOfflinePushInfo.setDesc on the client) or the custom element\'s desc.', ev);
}

export function oppoChannelId(route: RouteId, m: TestPushMessage, f: ComposeFacts): Finding | null {
  if (deliveringVendor(route, f.channel) !== 'oppo') return null;
  const named = namedChannel(route, m, 'oppo');
  if (!named) return null;
  const ev = [messageEvidence(named.field, named.id), ...(f.channelEvidence ?? [])];
  if (f.androidSdk !== null && f.androidSdk < O) {
    return finding('oppo-channel-id', 'ok', `Android API ${f.androidSdk} has no notification channels: OPPO needs no ChannelID.`, '', ev);
  }
  const sdkChannel = VENDORS.oppo.sdkChannelId;
  const createHint = `Create the channel in the app (NotificationManager.createNotificationChannel) before the push arrives${sdkChannel ? `, or name "${sdkChannel}", which TUIOfflinePush creates on OPPO` : ''}.`;
  if (!named.id) {
    return finding('oppo-channel-id', f.androidSdk === null ? 'warning' : 'error',
      `The message names no OPPO ChannelID; on Android 8+ OPPO shows nothing without a channel the app created${f.androidSdk === null ? ' (the phone\'s Android version is unknown)' : ''}.`,
      `Set ${named.field}. ${createHint}`, ev);
  }
  if (f.appChannels === null) {
    return finding('oppo-channel-id', 'unknown', `The message names OPPO ChannelID "${named.id}", but the app's channels on the phone could not be read.`,
      'Read the app\'s channels (dumpsys notification) and check the id is among them.', ev);
  }
  if (!f.appChannels.some((c) => c.id === named.id)) {
    return finding('oppo-channel-id', 'error',
      `The message names OPPO ChannelID "${named.id}", which the app has not created on this phone (its channels: ${channelList(f.appChannels)}).`,
      createHint, ev);
  }
  return finding('oppo-channel-id', 'ok', `The message names OPPO ChannelID "${named.id}", which the app created on this phone.`, '', ev);
}

export function channelNotCreated(route: RouteId, m: TestPushMessage, f: ComposeFacts): Finding | null {
  const vendor = deliveringVendor(route, f.channel);
  // OPPO's channel is oppo-channel-id's question (it is an error there, not a fallback).
  if (!vendor || vendor === 'oppo') return null;
  const named = namedChannel(route, m, vendor);
  if (!named || !named.id) return null;
  if (f.androidSdk !== null && f.androidSdk < O) return null;
  const ev = [messageEvidence(named.field, named.id), ...(f.channelEvidence ?? [])];
  if (f.appChannels === null) {
    return finding('channel-not-created', 'unknown', `The message names channel "${named.id}" for ${VENDORS[vendor].displayName}, but the app's channels on the phone could not be read.`,
      'Read the app\'s channels (dumpsys notification) and check the id is among them.', ev);
  }
  if (f.appChannels.some((c) => c.id === named.id)) {
    return finding('channel-not-created', 'ok', `Channel "${named.id}" exists in the app's channels on this phone.`, '', ev);
  }
  const fallback = vendor === 'fcm'
    ? ' FCM then posts it on the channel named by the manifest\'s com.google.firebase.messaging.default_notification_channel_id, or its own default channel (push-apis §2.3), with that channel\'s importance and sound.'
    : ' Where it lands then is up to the vendor service, with another channel\'s importance and sound, if it is shown at all.';
  return finding('channel-not-created', 'warning',
    `The message names channel "${named.id}" for ${VENDORS[vendor].displayName}, which the app has not created on this phone (its channels: ${channelList(f.appChannels)}).${fallback}`,
    'Create the channel in the app before the push arrives, or name one of the app\'s channels in the message.', ev);
}

export function customSoundUnsupported(route: RouteId, m: TestPushMessage, f: ComposeFacts): Finding | null {
  const sound = route === 'tencent-im' ? (androidInfoFor(m).Sound ?? null) : m.sound;
  if (!sound) return null;
  const ev = [messageEvidence(route === 'tencent-im' ? 'OfflinePushInfo.AndroidInfo.Sound' : 'sound', sound)];
  const vendor = deliveringVendor(route, f.channel);
  if (!vendor) {
    return finding('custom-sound-unsupported', 'unknown', `The message asks for sound "${sound}", but the phone's push channel is unknown, so whether the tone plays is too.`,
      'Custom tones work only on Huawei, Xiaomi and FCM.', ev);
  }
  const v = VENDORS[vendor];
  if (!v.customSoundSupported) {
    return finding('custom-sound-unsupported', 'warning', `The message asks for sound "${sound}", but ${v.displayName} ignores custom tones: the channel's sound plays.`,
      'Custom tones work only on Huawei, Xiaomi and FCM; on this phone set the sound on the app\'s notification channel instead.', ev);
  }
  if (f.androidSdk === null || f.androidSdk >= O) {
    return finding('custom-sound-unsupported', 'info',
      `${v.displayName} supports custom tones, but on Android 8+ the sound belongs to the notification channel: "${sound}" plays only if the channel was created with it.`,
      'Create a dedicated channel with this sound (channels cannot change sound once created) and name it in the message.', ev);
  }
  return finding('custom-sound-unsupported', 'ok', `${v.displayName} supports custom tones on Android API ${f.androidSdk}.`, '', ev);
}

/** Words test messages are made of, that vendors' content review may treat as spam or meaningless. */
const TRIVIAL = new Set(['test', 'testing', 'tests', 'hello', 'hi', 'ok', 'asdf', 'qwer', 'qwerty', 'abc', 'aaa', '123', '1234', '111', 'xxx', '测试', '你好', '哈哈', '啊啊']);

/** Why a text is likely filtered, or null. */
export function trivialReason(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (t.length === 0) return 'is empty';
  if (TRIVIAL.has(t.replace(/[\s!.?。！？]+$/u, ''))) return 'is a bare test word';
  if ([...t].length < 4) return 'is shorter than 4 characters';
  if (/^[\p{N}\p{P}\p{S}\s]+$/u.test(t)) return 'has no letters';
  if (/^(.)\1+$/u.test(t.replace(/\s/g, ''))) return 'repeats one character';
  return null;
}

export function contentMayBeFiltered(m: TestPushMessage): Finding | null {
  const ev = [messageEvidence('title', m.title), messageEvidence('body', m.body)];
  const problems = [['title', trivialReason(m.title)], ['body', trivialReason(m.body)]].filter((p): p is [string, string] => p[1] !== null);
  // A custom message's push text is its Desc: judge that when the body is empty.
  if (m.tencent?.element === 'custom' && !m.body.trim() && m.tencent.customDesc) {
    const i = problems.findIndex((p) => p[0] === 'body');
    const r = trivialReason(m.tencent.customDesc);
    if (i >= 0) problems.splice(i, 1, ...(r ? [['desc', r] as [string, string]] : []));
  }
  if (problems.length === 0) return finding('content-may-be-filtered', 'ok', 'The title and text read as a real message.', '', ev);
  return finding('content-may-be-filtered', 'warning',
    `The ${problems.map(([k, why]) => `${k} ${why}`).join(' and the ')}: vendors may filter such pushes as meaningless or spam, and vivo de-duplicates identical text in formal mode.`,
    'Send a sentence like a real chat message, with a time or counter so each test is distinct (e.g. "Push test from Push Doctor at 12:00:01").', ev);
}

/** Every section-4 check that applies to this message on this route and phone. */
export function composeChecks(route: RouteId, m: TestPushMessage, f: ComposeFacts): Finding[] {
  return [
    customMessageNoDesc(route, m),
    oppoChannelId(route, m, f),
    channelNotCreated(route, m, f),
    customSoundUnsupported(route, m, f),
    contentMayBeFiltered(m),
  ].filter((x): x is Finding => x !== null);
}
