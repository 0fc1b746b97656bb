/**
 * The typed contract every push route implements (issue 11). A route turns one test-push message, its
 * credentials and a target (push token, or the IM account for `tencent-im`) into the vendor's documented
 * requests, sends them with `fetch` to a base URL the caller chooses, and explains the answer from its
 * error table. Contracts: ../shared/reference/push-apis.md §1–3.
 */

import type { RouteId } from '../../common/push/route-ids.js';

export { ROUTE_IDS, type RouteId } from '../../common/push/route-ids.js';

/** Per-vendor fields of OfflinePushInfo.AndroidInfo (push-apis §1.5). Only what is set is sent. */
export interface TencentAndroidInfo {
  Sound?: string;
  PushStyle?: number;
  HuaWeiChannelID?: string;
  HuaWeiImportance?: 'LOW' | 'NORMAL';
  HuaWeiCategory?: string;
  ExtAsHuaweiIntentParam?: 0 | 1;
  HonorImportance?: 'LOW' | 'NORMAL';
  XiaoMiChannelID?: string;
  OPPOChannelID?: string;
  OPPOCategory?: string;
  OPPONotifyLevel?: number;
  GoogleChannelID?: string;
  VIVOClassification?: 0 | 1;
  VIVOCategory?: string;
  MeiZuNoticeMsgType?: 0 | 1;
}

/** What only the Tencent IM route uses: which message element carries the push, and AndroidInfo. */
export interface TencentMessageOptions {
  /** `text` sends a TIMTextElem whose Text is the body; `custom` a TIMCustomElem (push-apis §1.4). */
  element: 'text' | 'custom';
  /** TIMCustomElem.Data (custom only). */
  customData?: string;
  /** TIMCustomElem.Desc (custom only): the push text when OfflinePushInfo.Desc is empty. */
  customDesc?: string;
  /** Sender shown on the phone; the admin when absent. */
  fromAccount?: string;
  androidInfo?: TencentAndroidInfo;
  /** Offline storage in seconds; 0 means online-only, i.e. no offline push (push-apis §1.2). Default 7 days. */
  msgLifeTime?: number;
}

/** Vendor fields that have no common name across routes; each route reads only its own. */
export interface VendorOptions {
  /** Huawei notification.importance / Honor importance. */
  importance?: 'LOW' | 'NORMAL' | 'HIGH';
  /** OPPO notify_level (1 bar, 2 bar + lock screen, 16 + banner, vibrate, ring; requires category). */
  oppoNotifyLevel?: 1 | 2 | 16;
  /** vivo classification: 0 operation, 1 system. Default: 0 for MARKETING, 1 otherwise. */
  vivoClassification?: 0 | 1;
  /** vivo notifyType: 1 none, 2 ring, 3 vibrate, 4 both (default 4). */
  vivoNotifyType?: 1 | 2 | 3 | 4;
  /** Meizu: the notice bar type (0 default). */
  meizuNoticeBarType?: number;
  /** Xiaomi restricted_package_name, when the credentials do not name the package. */
  xiaomiPackage?: string;
}

export interface TestPushMessage {
  title: string;
  body: string;
  /** A notification message is shown by the vendor service; a data message is handed to the app. */
  delivery: 'notification' | 'data';
  priority: 'high' | 'normal';
  /** Time to live in seconds. */
  ttlSeconds: number;
  /** The Android notification channel id the message names (for the route's own channel field). */
  channelId: string | null;
  /** Vendor category, e.g. `IM` or `MARKETING` (Huawei category, OPPO category, vivo category). */
  category: string | null;
  /** Custom sound name (resource name without suffix); null for the default sound. */
  sound: string | null;
  /** Pass-through JSON string TUIOfflinePush reads as `ext` on click (push-apis §4.8). */
  ext: string | null;
  /** Extra key/values (strings, as every vendor wants them). */
  data: Record<string, string>;
  /** Use the vendor's test-message flag where it has one (Huawei target_user_type 1, vivo pushMode 1, …). */
  testMode: boolean;
  tencent?: TencentMessageOptions;
  vendor?: VendorOptions;
}

/** How a vendor code is explained: what it means, what to do, and where that comes from. */
export interface CodeExplanation {
  /** The raw code as the server sent it (stringified), or a route-local name such as `http-401`. */
  code: string;
  known: boolean;
  /** The code means the request was accepted. Never true for an unknown code. */
  success: boolean;
  meaning: string;
  action: string;
  /** URL (or push-apis section) the meaning comes from. */
  source: string;
  /** Retrying later can help (rate limits, server errors). */
  retryable: boolean;
}

export type StepName = 'auth' | 'query_online_status' | 'send';

/** One HTTP exchange, recorded without secrets: URL without query, status and the vendor code. */
export interface StepRecord {
  step: StepName;
  url: string;
  httpStatus: number | null;
  code: string | null;
  startedAt: number;
  endedAt: number;
}

/** Tencent IM online state of the target account (push-apis §1.3b). */
export type OnlineStatus = 'Online' | 'PushOnline' | 'Offline';

export interface PushResult {
  route: RouteId;
  /**
   * accepted: the server took the push. rejected: it answered with a known error code. unknown: the answer
   * carried a code the route's table does not know, or no code at all. network-error: no usable answer.
   * not-sent: a precondition failed before sending (bad message for the route, unknown account).
   */
  outcome: 'accepted' | 'rejected' | 'unknown' | 'network-error' | 'not-sent';
  explanation: CodeExplanation | null;
  /** Server-side message id (MsgKey, FCM name, taskId, …), when accepted. */
  messageId: string | null;
  /** Time the send request left, and the time the server's acceptance came back (ms epoch). */
  sentAt: number | null;
  acceptedAt: number | null;
  steps: StepRecord[];
  /** Tencent only: the account's state from query_online_status. */
  onlineStatus: OnlineStatus | null;
  /** Sentences for the engineer (e.g. "the account is Online: no offline push"). */
  notes: string[];
}

/** The slice of a fetch Response the routes read; both the global fetch and undici's satisfy it. */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

/** A request a route built: the exact method, URL, headers and body it will send. */
export interface BuiltRequest {
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}
