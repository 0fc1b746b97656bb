import type { ApkComponentKind, ApkManifestFacts } from '../domain/apk.js';
import type { Vendor } from '../domain/facts.js';

/**
 * What each push channel's SDK needs declared in the app's merged manifest, for the `vendor-components-missing`
 * check (../shared/spec/checklist.md §2). Pure data plus the one matcher the rule and the tests share.
 *
 * Source for every entry unless it says otherwise: TUIOfflinePush's merged manifest as summarised in
 * ../shared/reference/push-apis.md §4.4 (TencentCloud/TIMSDK `Android/TUIKit/TUIOfflinePush/tuiofflinepush/
 * src/main/AndroidManifest.xml` @02367afc), which declares the vendor SDKs' components and its own receivers.
 *
 * Two kinds of entry:
 * - the vendor SDK's own classes (XMPushService, CommandClientService, DataMessageCallbackService…): every
 *   integration declares them, whether TUIOfflinePush, Tencent's closed-source TIMPush plug-in or the app
 *   itself, so they are matched by class name;
 * - the callback the app side provides (a receiver/service subclassing the vendor's base class): TUIOfflinePush
 *   names it `…oempush.XiaomiMsgReceiver` etc., TIMPush and hand-written integrations use their own classes,
 *   so it is matched by the intent-filter action the vendor SDK sends, with TUIOfflinePush's class as a hint.
 * TIMPush's own class names are not in the sources (push-apis.md §4 covers TUIOfflinePush only): no entry
 * names them, and the action-matched entries are what applies to a TIMPush app.
 */

export interface RequiredComponent {
  kind: ApkComponentKind;
  /** Satisfied by a declared component of this class. */
  className?: string;
  /** Satisfied by any declared component of `kind` with this action in an intent filter. */
  action?: string;
  /** Classes known to fill the role (for the remedy text); not required by name. */
  knownClasses?: readonly string[];
  /** What the component does for the channel, for the finding's detail. */
  role: string;
  source: string;
}

export interface RequiredPermission {
  /** `${applicationId}` stands for the app's package. */
  name: string;
  source: string;
}

export interface VendorSdkComponents {
  vendor: Vendor;
  components: readonly RequiredComponent[];
  usesPermissions: readonly RequiredPermission[];
}

const TUI = 'com.tencent.qcloud.tim.tuiofflinepush.oempush';
const SRC = 'push-apis.md §4.4 (TUIOfflinePush AndroidManifest.xml @02367afc)';

export const SDK_COMPONENTS: Readonly<Record<Vendor, VendorSdkComponents>> = {
  xiaomi: {
    vendor: 'xiaomi',
    components: [
      { kind: 'service', className: 'com.xiaomi.push.service.XMPushService', role: 'MiPush connection service (:pushservice)', source: SRC },
      { kind: 'service', className: 'com.xiaomi.push.service.XMJobService', role: 'MiPush job service (BIND_JOB_SERVICE, :pushservice)', source: SRC },
      { kind: 'service', className: 'com.xiaomi.mipush.sdk.PushMessageHandler', role: 'MiPush message handler (exported)', source: SRC },
      { kind: 'service', className: 'com.xiaomi.mipush.sdk.MessageHandleService', role: 'MiPush message dispatch', source: SRC },
      { kind: 'receiver', className: 'com.xiaomi.push.service.receivers.NetworkStatusReceiver', role: 'reconnects on CONNECTIVITY_CHANGE', source: SRC },
      { kind: 'receiver', className: 'com.xiaomi.push.service.receivers.PingReceiver', role: 'heartbeat (com.xiaomi.push.PING_TIMER)', source: SRC },
      { kind: 'receiver', action: 'com.xiaomi.mipush.RECEIVE_MESSAGE', knownClasses: [`${TUI}.XiaomiMsgReceiver`], role: 'receives the regId and notification clicks', source: SRC },
    ],
    usesPermissions: [{ name: '${applicationId}.permission.MIPUSH_RECEIVE', source: SRC }],
  },
  huawei: {
    vendor: 'huawei',
    components: [
      { kind: 'service', action: 'com.huawei.push.action.MESSAGING_EVENT', knownClasses: [`${TUI}.HUAWEIHmsMessageService`], role: 'HmsMessageService: receives the token (onNewToken)', source: SRC },
    ],
    usesPermissions: [],
  },
  honor: {
    vendor: 'honor',
    components: [
      { kind: 'service', action: 'com.hihonor.push.action.MESSAGING_EVENT', knownClasses: [`${TUI}.MyHonorMessageService`], role: 'HonorMessageService: receives the token (onNewToken)', source: SRC },
    ],
    usesPermissions: [],
  },
  oppo: {
    vendor: 'oppo',
    components: [
      { kind: 'service', className: 'com.heytap.msp.push.service.CompatibleDataMessageCallbackService', role: 'ColorOS (com.coloros.mcs) message callback', source: SRC },
      { kind: 'service', className: 'com.heytap.msp.push.service.DataMessageCallbackService', role: 'HeyTap (com.heytap.mcs) message callback', source: SRC },
    ],
    usesPermissions: [
      { name: 'com.coloros.mcs.permission.RECIEVE_MCS_MESSAGE', source: SRC },
      { name: 'com.heytap.mcs.permission.RECIEVE_MCS_MESSAGE', source: SRC },
    ],
  },
  vivo: {
    vendor: 'vivo',
    components: [
      { kind: 'service', className: 'com.vivo.push.sdk.service.CommandClientService', role: 'vivo push command service (exported)', source: SRC },
      { kind: 'activity', className: 'com.vivo.push.sdk.LinkProxyClientActivity', role: 'vivo push link proxy', source: SRC },
      { kind: 'receiver', action: 'com.vivo.pushclient.action.RECEIVE', knownClasses: [`${TUI}.VIVOPushMessageReceiverImpl`], role: 'receives the regId and notification clicks', source: SRC },
    ],
    usesPermissions: [],
  },
  meizu: {
    vendor: 'meizu',
    components: [
      { kind: 'receiver', action: 'com.meizu.flyme.push.intent.MESSAGE', knownClasses: [`${TUI}.MEIZUPushReceiver`], role: 'MzPushMessageReceiver: messages and the pushId', source: SRC },
    ],
    usesPermissions: [
      { name: 'com.meizu.flyme.push.permission.RECEIVE', source: SRC },
      { name: 'com.meizu.c2dm.permission.RECEIVE', source: SRC },
    ],
  },
  fcm: {
    vendor: 'fcm',
    components: [
      { kind: 'service', action: 'com.google.firebase.MESSAGING_EVENT', knownClasses: [`${TUI}.GoogleFCMMsgService`], role: 'FirebaseMessagingService: receives the token (onNewToken)', source: SRC },
    ],
    usesPermissions: [],
  },
};

/** TUIOfflinePush's own components (not per channel): its auto-init provider and its click landing page. */
export const TUIOFFLINEPUSH_COMPONENTS: readonly RequiredComponent[] = [
  { kind: 'provider', className: 'com.tencent.qcloud.tim.tuiofflinepush.TUIOfflinePushService', role: 'auto-initialises TUIOfflinePush (authority ${applicationId}.TUIOfflinePush.Init)', source: SRC },
  { kind: 'activity', className: 'com.tencent.qcloud.tim.tuiofflinepush.OpenActivity', role: 'default click landing page (pushscheme://com.tencent.qcloud.uniapp/detail)', source: SRC },
];

export interface MissingSdkParts {
  components: RequiredComponent[];
  usesPermissions: string[];
}

/** The parts of `vendor`'s list that `manifest` does not declare (permission names with the package filled in). */
export function missingSdkParts(vendor: Vendor, manifest: ApkManifestFacts): MissingSdkParts {
  const list = SDK_COMPONENTS[vendor];
  const pkg = manifest.package ?? '';
  const declared = new Set(manifest.usesPermissions.map((p) => p.name));
  return {
    components: list.components.filter((r) => !isDeclared(r, manifest)),
    usesPermissions: list.usesPermissions.map((p) => p.name.replace('${applicationId}', pkg)).filter((name) => !declared.has(name)),
  };
}

export function isDeclared(required: RequiredComponent, manifest: ApkManifestFacts): boolean {
  return manifest.components.some((c) => c.kind === required.kind && (
    (required.className !== undefined && c.name === required.className)
    || (required.action !== undefined && c.intentFilters.some((f) => f.actions.includes(required.action!)))
  ));
}
