import type { Finding } from '../../common/domain/findings.js';
import type { PushTestResult } from '../../common/domain/report.js';
import type { DevicePort, DeviceRef } from '../adb/device-port.js';
import { clickThrough, type ClickOutcome } from './click.js';
import { enterCondition, type Condition, type ConditionStep } from './conditions.js';
import type { LocalResult } from './local-route.js';
import { testPushFindings, type PushVerdict } from './test-push-findings.js';
import type { PushResult } from './types.js';
import { explainNotPosted, judgeDisplay, type DisplayReason, type NotDeliveredReason } from './verdict.js';
import { watchForPush, type WatchOutcome } from './watch/watcher.js';

/**
 * One test push, closed loop: put the phone in the condition, start watching, send, wait for the post (or
 * read why not while the phone is still in the condition), restore the phone, and say what happened.
 */
export interface PushTestInput {
  port: DevicePort;
  ref: DeviceRef;
  /** The app under test (what conditions act on). */
  app: string;
  /** The package that will post: the app, or com.android.shell for the local route. */
  poster: string;
  route: string;
  condition: Condition | null;
  title: string;
  text: string;
  channelId: string | null;
  overFcm: boolean;
  priority: 'high' | 'normal';
  delivery: 'notification' | 'data';
  send: () => Promise<PushResult | LocalResult>;
  watch: boolean;
  /** Tap the posted notification afterwards; `expected` is the `pkg/.Activity` it should open (null: any of the app's). */
  click?: { expected: string | null };
  timeoutMs: number;
  now?: () => number;
  signal?: AbortSignal;
  /** Told as each stage of the loop is reached, so a UI can draw the timeline live (never with a secret: stages carry times and reasons only). */
  onStage?: (stage: PushStage) => void;
}

/** One step of the closed loop as it happens: reached (ok) or where it stopped (ok false, with the reason). */
export interface PushStage {
  stage: 'sent' | 'accepted' | 'posted' | 'displayed' | 'clicked';
  ok: boolean;
  /** ms epoch. */
  at: number;
  /** A reason code (NotDeliveredReason, DisplayReason, the vendor code) when the stage did not pass. */
  reason: string | null;
}

export interface PushTestOutcome {
  route: string;
  condition: Condition | null;
  conditionConfirmed: boolean | null;
  conditionProblem: string | null;
  conditionSteps: ConditionStep[];
  restoreSteps: ConditionStep[];
  push: PushResult | LocalResult;
  watch: WatchOutcome | null;
  delivered: boolean | null;
  latencyMs: number | null;
  displayed: boolean | null;
  displayedReason: DisplayReason | null;
  notDeliveredReason: NotDeliveredReason | null;
  click: ClickOutcome | null;
  result: PushTestResult;
  findings: Finding[];
}

/** `settings get secure lock_screen_show_notifications`: 0 hides every notification on the lock screen; unset means shown. */
async function lockScreenShows(port: DevicePort, ref: DeviceRef): Promise<boolean | null> {
  try {
    const v = (await port.shell(ref, 'settings get secure lock_screen_show_notifications', { timeoutMs: 10_000 })).output.trim();
    return v === '0' ? false : v === '1' || v === 'null' ? true : null;
  } catch {
    return null;
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function runPushTest(input: PushTestInput): Promise<PushTestOutcome> {
  const now = input.now ?? Date.now;
  const entered = input.condition ? await enterCondition(input.port, input.ref, input.app, input.condition) : null;
  let restoreSteps: ConditionStep[] = [];
  try {
    const watch = input.watch
      ? watchForPush(input.port, input.ref, { pkg: input.poster, title: input.title, text: input.text }, { timeoutMs: input.timeoutMs, now, ...(input.signal ? { signal: input.signal } : {}) })
      : null;
    if (watch) await watch.ready;
    const stage = (name: PushStage['stage'], ok: boolean, at: number | null, reason: string | null = null) => input.onStage?.({ stage: name, ok, at: at ?? now(), reason });
    stage('sent', true, now());
    const push = await input.send();
    stage('accepted', push.outcome === 'accepted', push.acceptedAt, push.outcome === 'accepted' ? null : push.explanation?.code ?? push.outcome);
    let outcome: WatchOutcome | null = null;
    if (watch) {
      if (push.outcome !== 'accepted') watch.stop();
      outcome = await watch.outcome;
    }
    let delivered: boolean | null = null;
    let latencyMs: number | null = null;
    let displayed: boolean | null = null;
    let displayedReason: DisplayReason | null = null;
    let notDelivered: NotDeliveredReason | null = null;
    let channelId: string | null = null;
    let importance: number | null = null;
    const evidence: string[] = [];
    if (outcome && push.outcome === 'accepted') {
      evidence.push(...outcome.evidence);
      if (outcome.state === 'posted') {
        delivered = true;
        latencyMs = push.sentAt === null ? null : Math.max(0, outcome.detectedAt - push.sentAt);
        const lockScreen = input.condition === 'locked' ? { shows: await lockScreenShows(input.port, input.ref) } : null;
        const d = judgeDisplay(outcome.record, lockScreen);
        displayed = d.displayed;
        displayedReason = d.reason;
        channelId = outcome.record.channelId;
        importance = outcome.record.importance;
      } else if (outcome.state === 'dropped') {
        delivered = false;
        notDelivered = outcome.reason;
      } else {
        delivered = false;
        const why = await explainNotPosted(input.port, input.ref, {
          pkg: input.poster, channelId: input.channelId, overFcm: input.overFcm, priority: input.priority, delivery: input.delivery, condition: input.condition,
          onlineStatus: push.onlineStatus,
        });
        notDelivered = why.reason;
        evidence.push(...why.evidence);
        if (outcome.state === 'error') evidence.push(outcome.message);
      }
    }
    if (outcome && push.outcome === 'accepted') {
      stage('posted', delivered === true, outcome.state === 'posted' ? outcome.detectedAt : null, delivered ? null : notDelivered ?? outcome.state);
      if (delivered) stage('displayed', displayed === true, null, displayed ? null : displayedReason ?? 'unknown');
    }
    if (entered) restoreSteps = await entered.restore();
    // After the restore: the screen is on and unlocked-able, as a user taps it.
    const click = input.click && delivered ? await clickThrough(input.port, input.ref, input.title) : null;
    if (click) stage('clicked', click.tapped && click.resumed !== null, null, click.problem);
    const accepted = push.outcome === 'accepted';
    const verdict: PushVerdict = {
      route: input.route, condition: input.condition, accepted,
      acceptCode: push.explanation?.code ?? push.outcome, acceptMeaning: push.explanation?.meaning ?? push.outcome,
      acceptAction: push.explanation?.action ?? '', acceptKnown: push.explanation?.known ?? false,
      acceptMs: push.sentAt !== null && push.acceptedAt !== null ? push.acceptedAt - push.sentAt : null,
      watched: input.watch, delivered, latencyMs, channelId, importance, notDelivered, display: displayedReason,
      click: click ? { tapped: click.tapped, resumed: click.resumed, expected: input.click?.expected ?? null, app: input.app, problem: click.problem, evidence: click.evidence } : null,
      evidence: evidence.slice(0, 6).map((excerpt) => ({ command: 'logcat -b events / dumpsys notification', excerpt })),
      sendEvidence: push.steps.length > 0
        ? push.steps.map((s) => ({ command: `${s.step} ${s.url}`, excerpt: `HTTP ${s.httpStatus ?? '-'} code ${s.code ?? '-'}` }))
        : [{ command: input.route === 'local' ? 'cmd notification post' : input.route, excerpt: `${push.outcome}: ${push.explanation?.code ?? '-'}` }],
    };
    const result: PushTestResult = {
      route: input.route,
      sentAt: iso(push.sentAt ?? now())!,
      accepted,
      response: { code: verdict.acceptCode, meaning: verdict.acceptMeaning },
      postedAt: outcome?.state === 'posted' ? iso(outcome.detectedAt) : null,
      latencyMs,
      displayed,
      ...(input.condition ? { condition: input.condition } : {}),
      acceptedAt: iso(push.acceptedAt),
      channelId,
      importance,
      displayedReason,
      notDeliveredReason: notDelivered,
      ...(click ? { clickedActivity: click.resumed } : {}),
    };
    return {
      route: input.route, condition: input.condition, conditionConfirmed: entered?.confirmed ?? null, conditionProblem: entered?.problem ?? null,
      conditionSteps: entered?.steps ?? [], restoreSteps, push, watch: outcome, delivered, latencyMs, displayed, displayedReason,
      notDeliveredReason: notDelivered, click, result, findings: testPushFindings(verdict),
    };
  } catch (error) {
    if (entered && restoreSteps.length === 0) await entered.restore().catch(() => undefined);
    throw error;
  }
}
