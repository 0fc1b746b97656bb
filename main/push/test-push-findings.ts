import { checklistEntry } from '../../common/checklist/checklist.js';
import type { Evidence } from '../../common/domain/facts.js';
import { severityRank, type Finding, type Severity } from '../../common/domain/findings.js';
import type { DisplayReason, NotDeliveredReason } from './verdict.js';

/**
 * Every sentence the test-push findings say (checklist section 8: test-push-accepted, -delivered, -displayed),
 * in one module so they can become message ids in one place.
 */
function finding(id: string, severity: Severity, detail: string, remedy: string, evidence: Evidence[]): Finding {
  const e = checklistEntry(id);
  return { id, severity, title: e.title, detail, evidence, remedy: severity === 'ok' ? '' : remedy, faq: e.faq };
}

const WHERE = (condition: string | null) => (condition ? ` (phone ${condition})` : '');

export const NOT_DELIVERED_TEXT: Record<NotDeliveredReason, { detail: string; remedy: string; severity: Severity }> = {
  'channel-missing': {
    severity: 'error',
    detail: 'the phone refused it: the channel id it named does not exist in the app ("No Channel found")',
    remedy: 'Create the notification channel in the app before pushes arrive, or send with a channel id the app created.',
  },
  'app-stopped': {
    severity: 'error',
    detail: 'Play services dropped it: the app is force-stopped, and Android delivers no FCM message to a stopped app',
    remedy: 'Open the app once after a force stop (or a "clean" by a phone manager); use the vendor channel on phones that have one.',
  },
  'app-blocked': {
    severity: 'error',
    detail: 'nothing was posted: the app\'s notifications are turned off on the phone',
    remedy: 'Turn on notifications for the app (Settings → Apps → Notifications).',
  },
  'channel-blocked': {
    severity: 'error',
    detail: 'nothing was posted: the channel it names is turned off on the phone',
    remedy: 'Turn the channel back on in the app\'s notification settings.',
  },
  'deferred-doze': {
    severity: 'warning',
    detail: 'not posted in time: the phone is in deep Doze, which holds normal-priority FCM messages until the next maintenance window',
    remedy: 'Send chat pushes with high priority (FCM android.priority HIGH); the held message arrives when the phone leaves Doze.',
  },
  'data-message': {
    severity: 'warning',
    detail: 'it was a data message: the push service hands it to the app, which decides whether to post a notification',
    remedy: 'Send a notification message for offline push, or have the app post one from onMessageReceived.',
  },
  'fcm-foreground': {
    severity: 'info',
    detail: 'the app is in the foreground: FCM hands a notification message to the app (onMessageReceived) instead of the shade',
    remedy: 'Test offline push with the app in the background or killed; in the foreground the app shows messages itself.',
  },
  'im-online': {
    severity: 'info',
    detail: 'the IM account is Online: IM delivered the message over the app\'s own connection, which generates no offline push',
    remedy: 'Test with the app in the background, the screen locked or the app killed, so the account is PushOnline.',
  },
  'no-trace': {
    severity: 'error',
    detail: 'nothing reached the phone: no post, no drop and no refusal was logged',
    remedy: 'Check the push token (it must be this phone\'s, for this app and channel), the vendor console\'s delivery report, and the phone\'s network.',
  },
};

export const DISPLAY_TEXT: Record<DisplayReason, { severity: Severity; detail: string; remedy: string }> = {
  shown: { severity: 'ok', detail: 'shown with sound and heads-up on a channel of importance {importance}', remedy: '' },
  silent: {
    severity: 'warning', detail: 'posted silently: channel "{channel}" has low importance, so it makes no sound and shows no banner',
    remedy: 'Raise the channel\'s importance in the app\'s notification settings, or post chat messages on a high-importance channel.',
  },
  dnd: {
    severity: 'warning', detail: 'intercepted by Do Not Disturb: no sound, no banner, hidden from the shade',
    remedy: 'Turn off Do Not Disturb, or let the app\'s channel override it.',
  },
  'min-importance': {
    severity: 'warning', detail: 'posted on a minimised channel: it shows only collapsed at the bottom of the shade',
    remedy: 'Raise the channel\'s importance in the app\'s notification settings.',
  },
  'lock-screen-hidden': {
    severity: 'warning', detail: 'posted, but not shown on the locked screen: the lock screen hides notifications (or this channel\'s)',
    remedy: 'Allow notifications on the lock screen (Settings → Notifications → Lock screen) and for the app\'s channel.',
  },
  unknown: { severity: 'unknown', detail: 'the dump did not say the record\'s importance', remedy: 'Read `dumpsys notification --noredact` on the phone.' },
};

export interface PushVerdict {
  route: string;
  condition: string | null;
  accepted: boolean;
  acceptCode: string;
  acceptMeaning: string;
  acceptAction: string;
  acceptKnown: boolean;
  acceptMs: number | null;
  watched: boolean;
  delivered: boolean | null;
  latencyMs: number | null;
  channelId: string | null;
  importance: number | null;
  notDelivered: NotDeliveredReason | null;
  display: DisplayReason | null;
  evidence: Evidence[];
  click: { tapped: boolean; resumed: string | null; expected: string | null; app: string; problem: string | null; evidence: string[] } | null;
  /** The route's answer, as evidence for test-push-accepted. */
  sendEvidence: Evidence[];
}

function fill(text: string, v: PushVerdict): string {
  return text.replace('{importance}', String(v.importance ?? '?')).replace('{channel}', v.channelId ?? '?');
}

export function testPushFindings(v: PushVerdict): Finding[] {
  const at = WHERE(v.condition);
  const out: Finding[] = [];
  if (v.accepted) {
    out.push(finding('test-push-accepted', 'ok', `${v.route} accepted the test push${at}${v.acceptMs !== null ? ` in ${v.acceptMs} ms` : ''} (code ${v.acceptCode}).`, '', v.sendEvidence));
  } else {
    out.push(finding('test-push-accepted', v.acceptKnown ? 'error' : 'unknown',
      `${v.route} did not accept the test push${at}: ${v.acceptCode} — ${v.acceptMeaning}`, v.acceptAction || 'Check the credentials, the token and the route\'s answer.', v.sendEvidence));
  }
  if (!v.watched) return out;
  if (!v.accepted) {
    out.push(finding('test-push-delivered', 'unknown', `Not checked${at}: the push was not accepted.`, 'Fix the sending error first.', []));
    out.push(finding('test-push-displayed', 'unknown', `Not checked${at}: the push was not accepted.`, 'Fix the sending error first.', []));
    return out;
  }
  if (v.delivered) {
    out.push(finding('test-push-delivered', 'ok', `Posted on the phone${at} ${v.latencyMs ?? '?'} ms after sending, on channel "${v.channelId ?? '?'}".`, '', v.evidence));
    const d = DISPLAY_TEXT[v.display ?? 'unknown'];
    out.push(finding('test-push-displayed', d.severity, `The test push was ${fill(d.detail, v)}${at}.`, d.remedy, v.evidence));
    if (v.click) out.push(clickFinding(v.click, at));
    return out;
  }
  const nd = NOT_DELIVERED_TEXT[v.notDelivered ?? 'no-trace'];
  out.push(finding('test-push-delivered', nd.severity, `The test push was accepted but not posted${at}: ${nd.detail}.`, nd.remedy, v.evidence));
  out.push(finding('test-push-displayed', 'unknown', `Not shown${at}: it was never posted.`, nd.remedy, []));
  return out;
}

function clickFinding(c: NonNullable<PushVerdict['click']>, at: string): Finding {
  const ev = c.evidence.map((excerpt) => ({ command: 'uiautomator dump / input tap / dumpsys activity activities', excerpt }));
  if (!c.tapped || c.resumed === null) {
    return finding('test-push-click', 'unknown', `Tapping the test push could not be checked${at}: ${c.problem ?? 'no answer'}`, 'Tap the notification on the phone and check which page opens.', ev);
  }
  const right = c.expected ? c.resumed === c.expected : c.resumed.startsWith(`${c.app}/`);
  if (right) return finding('test-push-click', 'ok', `Tapping the test push opened ${c.resumed}${at}.`, '', ev);
  return finding('test-push-click', 'error', `Tapping the test push opened ${c.resumed}, not ${c.expected ?? `a page of ${c.app}`}${at}.`,
    'Check the push\'s click action (intent / ext) against the app\'s manifest: TUIOfflinePush opens the page named in ext (push-apis §4.8).', ev);
}

/** One finding per id over several conditions: the worst severity, every condition's sentence in its detail. */
export function mergeAcrossConditions(runs: readonly Finding[][]): Finding[] {
  const byId = new Map<string, Finding[]>();
  for (const run of runs) for (const f of run) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return [...byId.values()].map((list) => {
    const worst = [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0]!;
    if (list.length === 1) return worst;
    return { ...worst, detail: list.map((f) => f.detail).join(' '), evidence: list.flatMap((f) => f.evidence).slice(0, 12) };
  });
}
