import { refKey, type DeviceRef } from '../../common/domain/device.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { AssembleExtras } from '../probes/assemble-facts.js';
import type { DeviceReport, FixRecord, ManualAnswer, PushTestResult } from '../../common/domain/report.js';
import type { Finding } from '../../common/domain/findings.js';

/**
 * What main remembers of each phone between calls: the last audit (report and the raw outputs it was
 * diagnosed from) per phone and app, the engineer's answers, and the fixes applied. A fix re-check replaces
 * only the outputs it re-read and diagnoses the whole set again; an export writes what is here, so a report
 * carries the audit, the fixes and the answers together. Kept in memory for the app's session: history on
 * disk (main/history) keeps audits across sessions.
 */
export interface AuditSession {
  ref: DeviceRef;
  app: string | null;
  /** When the audit (or the last re-check) finished. */
  at: string;
  outputs: RawOutput[];
  /** What the audit read besides the outputs (the APK's facts, the click target). */
  extras: AssembleExtras;
  report: DeviceReport;
  fixes: FixRecord[];
}

export interface AuditSessions {
  /** Records a finished audit; fixes recorded for the same phone and app stay with it. */
  putAudit(ref: DeviceRef, app: string | null, outputs: RawOutput[], report: DeviceReport, at: string, extras?: AssembleExtras): AuditSession;
  /** The session of this phone and app; without `app`, the phone's most recent session. */
  get(ref: DeviceRef, app?: string | null): AuditSession | null;
  /** Replaces a session's outputs and report after a re-check, and records the fix. */
  putRecheck(session: AuditSession, outputs: RawOutput[], report: DeviceReport, fix: FixRecord, at: string): AuditSession;
  setAnswer(ref: DeviceRef, answer: ManualAnswer): ManualAnswer[];
  answers(ref: DeviceRef): ManualAnswer[];
  /**
   * Records test pushes sent to this phone for this app: they join its report's `pushTests`, and their
   * findings replace the test-push findings of an earlier run (the latest run is what the phone does now).
   */
  addPushTests(ref: DeviceRef, app: string, results: PushTestResult[], findings: Finding[]): void;
  /** The session's report with its fixes and the phone's answers, as a report or an export shows it. */
  reportOf(session: AuditSession): DeviceReport;
}

const sessionKey = (ref: DeviceRef, app: string | null): string => `${refKey(ref)}\n${app ?? ''}`;

export function createAuditSessions(): AuditSessions {
  const sessions = new Map<string, AuditSession>();
  /** The app of each phone's most recent session, for callers that name only the phone (answers, exports). */
  const latestApp = new Map<string, string | null>();
  const answersByPhone = new Map<string, ManualAnswer[]>();

  const answersOf = (ref: DeviceRef): ManualAnswer[] => answersByPhone.get(refKey(ref)) ?? [];
  /** Kept beside the audits, not in them: a re-audit must not lose the pushes already proven. */
  const pushByApp = new Map<string, { results: PushTestResult[]; findings: Finding[] }>();

  return {
    putAudit(ref, app, outputs, report, at, extras = {}) {
      const key = sessionKey(ref, app);
      const session: AuditSession = { ref, app, at, outputs, extras, report, fixes: sessions.get(key)?.fixes ?? [] };
      sessions.set(key, session);
      latestApp.set(refKey(ref), app);
      return session;
    },
    get(ref, app) {
      const which = app === undefined ? latestApp.get(refKey(ref)) : app;
      if (which === undefined) return null;
      return sessions.get(sessionKey(ref, which)) ?? null;
    },
    putRecheck(session, outputs, report, fix, at) {
      const next: AuditSession = { ...session, at, outputs, report, fixes: [...session.fixes, fix] };
      sessions.set(sessionKey(session.ref, session.app), next);
      latestApp.set(refKey(session.ref), session.app);
      return next;
    },
    setAnswer(ref, answer) {
      // One answer per step: answering again replaces the earlier answer.
      const list = [...answersOf(ref).filter((a) => a.finding !== answer.finding), answer];
      answersByPhone.set(refKey(ref), list);
      return list;
    },
    answers: answersOf,
    addPushTests(ref, app, results, findings) {
      const key = sessionKey(ref, app);
      const before = pushByApp.get(key);
      const ids = new Set(findings.map((f) => f.id));
      pushByApp.set(key, {
        results: [...(before?.results ?? []), ...results],
        findings: [...(before?.findings ?? []).filter((f) => !ids.has(f.id)), ...findings],
      });
    },
    reportOf(session) {
      const answers = answersOf(session.ref);
      const push = pushByApp.get(sessionKey(session.ref, session.app));
      const pushIds = new Set(push?.findings.map((f) => f.id) ?? []);
      return {
        ...session.report,
        ...(push ? {
          pushTests: [...session.report.pushTests, ...push.results],
          findings: [...session.report.findings.filter((f) => !pushIds.has(f.id)), ...push.findings],
        } : {}),
        ...(session.fixes.length > 0 ? { fixes: session.fixes } : {}),
        ...(answers.length > 0 ? { answers } : {}),
      };
    },
  };
}
