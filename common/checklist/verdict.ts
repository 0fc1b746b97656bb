import type { Finding, Severity } from '../domain/findings.js';
import { severityRank } from '../domain/findings.js';
import type { DeviceState } from '../domain/report.js';

/**
 * The one sentence a reader needs first: what blocks the push on this phone, and what to do first.
 * The report writers and the workstation both show it, so it is computed here, from the findings alone.
 *
 * Root causes come before their consequences: several checks fail together when one cause explains them
 * (on Android 13+ a denied POST_NOTIFICATIONS makes AOSP print the app's importance as NONE, so
 * `app-notifications-blocked` fails too). A consequence is never named as the thing to fix first while its
 * cause is among the failures.
 */
export interface Verdict {
  /** How bad the worst actionable finding is; 'ok' when nothing blocks or delays the push. */
  severity: Severity;
  /** The finding to act on first, when there is one. */
  findingId: string | null;
  /** One sentence: what blocks (or may delay) the push, or that nothing does. */
  headline: string;
  /** What to do first; empty when there is nothing to do. */
  firstStep: string;
  /** Failing findings that the first one explains (shown as consequences, not as further problems). */
  explains: string[];
}

/** consequence id → the ids that, when they fail, explain it. */
const EXPLAINED_BY: Readonly<Record<string, readonly string[]>> = {
  'app-notifications-blocked': ['post-notifications-denied'],
  'channel-blocked': ['app-notifications-blocked', 'post-notifications-denied'],
  'channel-silent': ['app-notifications-blocked', 'post-notifications-denied', 'channel-blocked'],
  'lockscreen-hidden': ['app-notifications-blocked', 'post-notifications-denied'],
  'push-service-outdated': ['push-service-missing', 'push-service-disabled'],
  'push-service-disabled': ['push-service-missing'],
  'push-token-reported': ['push-service-missing', 'push-service-disabled', 'gms-missing', 'no-push-channel', 'app-force-stopped'],
  'gms-missing': ['no-push-channel'],
  'test-push-delivered': ['test-push-accepted'],
  'test-push-displayed': ['test-push-delivered', 'app-notifications-blocked', 'post-notifications-denied', 'channel-blocked'],
  'test-push-click': ['test-push-delivered'],
};

const ACTIONABLE: readonly Severity[] = ['error', 'warning'];

const UNREADABLE: Readonly<Record<Exclude<DeviceState, 'device'>, string>> = {
  unauthorized: 'The phone has not allowed USB debugging from this computer, so nothing could be read.',
  offline: 'The phone is offline to adb, so nothing could be read.',
  'no-permissions': 'This computer may not open the phone over USB (no permissions), so nothing could be read.',
  gone: 'The phone was lost during the audit; only part of it was read.',
};

export function verdictOf(findings: readonly Finding[], state: DeviceState = 'device'): Verdict {
  const failing = findings.filter((f) => ACTIONABLE.includes(f.severity));
  const failingIds = new Set(failing.map((f) => f.id));
  const isConsequence = (f: Finding): boolean => (EXPLAINED_BY[f.id] ?? []).some((cause) => failingIds.has(cause));
  const causes = failing.filter((f) => !isConsequence(f))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const first = causes[0] ?? failing[0];

  if (state !== 'device' && (state !== 'gone' || !first)) {
    return { severity: 'unknown', findingId: null, headline: UNREADABLE[state], firstStep: '', explains: [] };
  }
  if (!first) {
    const unknown = findings.filter((f) => f.severity === 'unknown').length;
    return {
      severity: 'ok', findingId: null,
      headline: unknown > 0
        ? `Nothing that was read blocks offline push on this phone, but ${unknown} ${unknown === 1 ? 'check' : 'checks'} could not be read.`
        : 'Nothing on this phone blocks offline push.',
      firstStep: findings.length > 0 ? 'Prove it with a test push in the background, locked and killed conditions.' : '',
      explains: [],
    };
  }
  const explains = failing.filter((f) => f !== first && (EXPLAINED_BY[f.id] ?? []).some((cause) => cause === first.id
    || (EXPLAINED_BY[cause] ?? []).includes(first.id))).map((f) => f.id);
  const what = sentence(first.detail || first.title);
  return {
    severity: first.severity,
    findingId: first.id,
    headline: first.severity === 'error' ? `Push cannot show on this phone: ${what}` : `Push may be delayed or silenced on this phone: ${what}`,
    firstStep: first.remedy,
    explains,
  };
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  return /[.!?。]$/.test(t) ? t : `${t}.`;
}
