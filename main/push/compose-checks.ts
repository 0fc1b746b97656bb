import type { ChannelFact, Evidence, PushChannel, Vendor } from '../../common/domain/facts.js';
import type { Finding, Msg } from '../../common/domain/findings.js';
import { msg } from '../../common/i18n/msg.js';
import { VENDORS } from '../../common/vendors/vendor-table.js';
import { finding } from '../diagnosis/rules/rule.js';
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

const vendorName = (vendor: Vendor): Msg => ({ key: `vendor.${vendor}.name`, fallback: VENDORS[vendor].displayName });

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

function channelList(channels: readonly ChannelFact[]): string | Msg {
  return channels.length ? channels.map((c) => c.id).join(', ') : msg('word.none');
}

export function customMessageNoDesc(route: RouteId, m: TestPushMessage): Finding | null {
  if (route !== 'tencent-im' || m.tencent?.element !== 'custom') return null;
  const ev = [messageEvidence('TIMCustomElem.Desc', m.tencent.customDesc ?? null), messageEvidence('OfflinePushInfo.Desc', m.body || null)];
  if (m.tencent.customDesc?.trim() || m.body.trim()) {
    return finding('custom-message-no-desc', 'ok', { detail: msg('compose.custom-message-no-desc.ok'), evidence: ev });
  }
  return finding('custom-message-no-desc', 'error', {
    detail: msg('compose.custom-message-no-desc.missing'), remedy: msg('compose.custom-message-no-desc.remedy'), evidence: ev,
  });
}

export function oppoChannelId(route: RouteId, m: TestPushMessage, f: ComposeFacts): Finding | null {
  if (deliveringVendor(route, f.channel) !== 'oppo') return null;
  const named = namedChannel(route, m, 'oppo');
  if (!named) return null;
  const ev = [messageEvidence(named.field, named.id), ...(f.channelEvidence ?? [])];
  if (f.androidSdk !== null && f.androidSdk < O) {
    return finding('oppo-channel-id', 'ok', { detail: msg('compose.oppo-channel-id.old-android', { sdk: f.androidSdk }), evidence: ev });
  }
  const sdkChannel = VENDORS.oppo.sdkChannelId;
  const create = sdkChannel ? msg('compose.oppo-channel-id.create-sdk', { sdkChannel }) : msg('compose.oppo-channel-id.create');
  if (!named.id) {
    return finding('oppo-channel-id', f.androidSdk === null ? 'warning' : 'error', {
      detail: f.androidSdk === null ? msg('compose.oppo-channel-id.none-android-unknown') : msg('compose.oppo-channel-id.none'),
      remedy: msg('compose.oppo-channel-id.none-remedy', { field: named.field, create }),
      evidence: ev,
    });
  }
  if (f.appChannels === null) {
    return finding('oppo-channel-id', 'unknown', {
      detail: msg('compose.oppo-channel-id.unread', { id: named.id }), remedy: msg('compose.read-channels'), evidence: ev,
    });
  }
  if (!f.appChannels.some((c) => c.id === named.id)) {
    return finding('oppo-channel-id', 'error', {
      detail: msg('compose.oppo-channel-id.missing', { id: named.id, channels: channelList(f.appChannels) }), remedy: create, evidence: ev,
    });
  }
  return finding('oppo-channel-id', 'ok', { detail: msg('compose.oppo-channel-id.ok', { id: named.id }), evidence: ev });
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
    return finding('channel-not-created', 'unknown', {
      detail: msg('compose.channel-not-created.unread', { id: named.id, vendor: vendorName(vendor) }), remedy: msg('compose.read-channels'), evidence: ev,
    });
  }
  if (f.appChannels.some((c) => c.id === named.id)) {
    return finding('channel-not-created', 'ok', { detail: msg('compose.channel-not-created.ok', { id: named.id }), evidence: ev });
  }
  const params = { id: named.id, vendor: vendorName(vendor), channels: channelList(f.appChannels) };
  return finding('channel-not-created', 'warning', {
    detail: vendor === 'fcm' ? msg('compose.channel-not-created.missing-fcm', params) : msg('compose.channel-not-created.missing', params),
    remedy: msg('compose.channel-not-created.remedy'),
    evidence: ev,
  });
}

export function customSoundUnsupported(route: RouteId, m: TestPushMessage, f: ComposeFacts): Finding | null {
  const sound = route === 'tencent-im' ? (androidInfoFor(m).Sound ?? null) : m.sound;
  if (!sound) return null;
  const ev = [messageEvidence(route === 'tencent-im' ? 'OfflinePushInfo.AndroidInfo.Sound' : 'sound', sound)];
  const vendor = deliveringVendor(route, f.channel);
  if (!vendor) {
    return finding('custom-sound-unsupported', 'unknown', {
      detail: msg('compose.custom-sound-unsupported.unknown', { sound }), remedy: msg('compose.custom-sound-unsupported.unknown-remedy'), evidence: ev,
    });
  }
  const name = vendorName(vendor);
  if (!VENDORS[vendor].customSoundSupported) {
    return finding('custom-sound-unsupported', 'warning', {
      detail: msg('compose.custom-sound-unsupported.ignored', { sound, vendor: name }), remedy: msg('compose.custom-sound-unsupported.ignored-remedy'), evidence: ev,
    });
  }
  if (f.androidSdk === null || f.androidSdk >= O) {
    return finding('custom-sound-unsupported', 'info', {
      detail: msg('compose.custom-sound-unsupported.channel', { sound, vendor: name }), remedy: msg('compose.custom-sound-unsupported.channel-remedy'), evidence: ev,
    });
  }
  return finding('custom-sound-unsupported', 'ok', { detail: msg('compose.custom-sound-unsupported.ok', { vendor: name, sdk: f.androidSdk }), evidence: ev });
}

/** Words test messages are made of, that vendors' content review may treat as spam or meaningless. */
const TRIVIAL = new Set(['test', 'testing', 'tests', 'hello', 'hi', 'ok', 'asdf', 'qwer', 'qwerty', 'abc', 'aaa', '123', '1234', '111', 'xxx', '测试', '你好', '哈哈', '啊啊']);

/** Why a text is likely filtered, or null. */
export function trivialReason(text: string): Msg | null {
  const t = text.trim().toLowerCase();
  if (t.length === 0) return msg('compose.trivial.empty');
  if (TRIVIAL.has(t.replace(/[\s!.?。！？]+$/u, ''))) return msg('compose.trivial.bare-word');
  if ([...t].length < 4) return msg('compose.trivial.short');
  if (/^[\p{N}\p{P}\p{S}\s]+$/u.test(t)) return msg('compose.trivial.no-letters');
  if (/^(.)\1+$/u.test(t.replace(/\s/g, ''))) return msg('compose.trivial.repeats');
  return null;
}

type Field = 'title' | 'body' | 'desc';

export function contentMayBeFiltered(m: TestPushMessage): Finding | null {
  const ev = [messageEvidence('title', m.title), messageEvidence('body', m.body)];
  const candidates: [Field, Msg | null][] = [['title', trivialReason(m.title)], ['body', trivialReason(m.body)]];
  const problems = candidates.filter((p): p is [Field, Msg] => p[1] !== null);
  // A custom message's push text is its Desc: judge that when the body is empty.
  if (m.tencent?.element === 'custom' && !m.body.trim() && m.tencent.customDesc) {
    const i = problems.findIndex((p) => p[0] === 'body');
    const r = trivialReason(m.tencent.customDesc);
    if (i >= 0) problems.splice(i, 1, ...(r ? [['desc', r] as [Field, Msg]] : []));
  }
  if (problems.length === 0) return finding('content-may-be-filtered', 'ok', { detail: msg('compose.content-may-be-filtered.ok'), evidence: ev });
  const each = problems.map(([field, why]) => msg('compose.problem', { field: msg(`compose.field.${field}`), why }));
  const joined = each.slice(0, -1).reduceRight<Msg>((tail, head) => msg('compose.and', { head, tail }), each[each.length - 1]!);
  return finding('content-may-be-filtered', 'warning', {
    detail: msg('compose.content-may-be-filtered.trivial', { problems: joined }), remedy: msg('compose.content-may-be-filtered.remedy'), evidence: ev,
  });
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
