import { create } from 'zustand';
import type { Finding } from '../../../common/domain/findings.js';
import type { IpcError, PushProgress, PushSendResult } from '../../../common/ipc/contract.js';
import { PUSH_STAGES, type PushCondition, type PushRouteChoice, type PushStageName } from '../../../common/push/route-ids.js';

/** One stage of one condition's timeline as the page draws it. */
export interface TimelineStage {
  stage: PushStageName;
  ok: boolean;
  at: string;
  /** ms since `sent`, null for `sent` itself. */
  sinceSentMs: number | null;
  reason: string | null;
}

export interface ConditionTimeline {
  /** `-` when the push was sent with the phone as it was (no condition). */
  condition: string;
  stages: TimelineStage[];
}

/** One phone's test push: the composer's checks, the live timeline per condition, the final result. */
export interface PushRun {
  status: 'idle' | 'sending' | 'done' | 'failed';
  timelines: ConditionTimeline[];
  result: PushSendResult | null;
  error: IpcError | null;
  checks: Finding[] | null;
}

/** What the engineer typed in the composer, kept per phone so switching views or phones loses nothing. */
export interface PushDraft {
  route: PushRouteChoice;
  condition: PushCondition | 'all';
  title: string;
  desc: string;
  channelId: string;
  token: string;
  /** Tap the posted notification afterwards (the `clicked` stage). */
  click: boolean;
}

export const EMPTY_DRAFT: PushDraft = { route: 'local', condition: 'background', title: 'Push Doctor test', desc: '', channelId: '', token: '', click: false };

interface PushStoreState {
  /** By refKey of the phone. */
  runs: Record<string, PushRun>;
  drafts: Record<string, PushDraft>;
  editDraft(phone: string, patch: Partial<PushDraft>): void;
  started(phone: string): void;
  progress(phone: string, p: PushProgress): void;
  finished(phone: string, outcome: { result: PushSendResult } | { error: IpcError }): void;
  setChecks(phone: string, checks: Finding[] | null): void;
}

const idle: PushRun = { status: 'idle', timelines: [], result: null, error: null, checks: null };

/** Adds a progress event to its condition's timeline, in stage order; a repeated stage replaces the earlier one. */
export function withProgress(timelines: readonly ConditionTimeline[], p: PushProgress): ConditionTimeline[] {
  const condition = p.condition ?? '-';
  const existing = timelines.find((x) => x.condition === condition);
  const sent = p.stage === 'sent' ? p.at : existing?.stages.find((s) => s.stage === 'sent')?.at ?? null;
  const sinceSentMs = p.stage === 'sent' || sent === null ? null : Math.max(0, Date.parse(p.at) - Date.parse(sent));
  const stage: TimelineStage = { stage: p.stage, ok: p.ok, at: p.at, sinceSentMs, reason: p.reason };
  const stages = [...(existing?.stages.filter((s) => s.stage !== p.stage) ?? []), stage]
    .sort((a, b) => PUSH_STAGES.indexOf(a.stage) - PUSH_STAGES.indexOf(b.stage));
  const next = { condition, stages };
  return existing ? timelines.map((x) => (x === existing ? next : x)) : [...timelines, next];
}

export const usePushStore = create<PushStoreState>()((set) => {
  const update = (phone: string, f: (run: PushRun) => PushRun) => set((s) => ({ runs: { ...s.runs, [phone]: f(s.runs[phone] ?? idle) } }));
  return {
    runs: {},
    drafts: {},
    editDraft: (phone, patch) => set((s) => ({ drafts: { ...s.drafts, [phone]: { ...(s.drafts[phone] ?? EMPTY_DRAFT), ...patch } } })),
    started: (phone) => update(phone, (r) => ({ ...r, status: 'sending', timelines: [], result: null, error: null })),
    // Progress from a run this page did not start (another window) is not drawn.
    progress: (phone, p) => update(phone, (r) => (r.status === 'sending' ? { ...r, timelines: withProgress(r.timelines, p) } : r)),
    finished: (phone, outcome) => update(phone, (r) => ('result' in outcome
      ? { ...r, status: 'done', result: outcome.result, error: null }
      : { ...r, status: 'failed', error: outcome.error })),
    setChecks: (phone, checks) => update(phone, (r) => ({ ...r, checks })),
  };
});

export const usePushRun = (phone: string): PushRun => usePushStore((s) => s.runs[phone] ?? idle);
export const usePushDraft = (phone: string): PushDraft => usePushStore((s) => s.drafts[phone] ?? EMPTY_DRAFT);
