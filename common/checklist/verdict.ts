import type { Finding, Severity } from '../domain/findings.js';
import { severityRank } from '../domain/findings.js';
import type { DeviceState } from '../domain/report.js';
import type { Locale } from '../i18n/locale.js';
import { plural, translator } from '../i18n/messages.js';

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

/** The checks a finding explains (its consequences): a fix of the cause re-checks these too, so they do not stay stale. */
export function consequencesOf(id: string): string[] {
  return Object.entries(EXPLAINED_BY).filter(([, causes]) => causes.includes(id)).map(([consequence]) => consequence);
}

/** consequence id → the ids that, when they fail, explain it. */
export const EXPLAINED_BY: Readonly<Record<string, readonly string[]>> = {
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

export function verdictOf(findings: readonly Finding[], state: DeviceState = 'device', locale: Locale = 'en'): Verdict {
  const t = translator(locale);
  const failing = findings.filter((f) => ACTIONABLE.includes(f.severity));
  const failingIds = new Set(failing.map((f) => f.id));
  const isConsequence = (f: Finding): boolean => (EXPLAINED_BY[f.id] ?? []).some((cause) => failingIds.has(cause));
  const causes = failing.filter((f) => !isConsequence(f))
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const first = causes[0] ?? failing[0];

  if (state !== 'device' && (state !== 'gone' || !first)) {
    return { severity: 'unknown', findingId: null, headline: t(`verdict.${state}`), firstStep: '', explains: [] };
  }
  if (!first) {
    const unknown = findings.filter((f) => f.severity === 'unknown').length;
    return {
      severity: 'ok', findingId: null,
      headline: unknown > 0 ? plural(locale, 'verdict.ok-unknown', unknown) : t('verdict.ok'),
      firstStep: findings.length > 0 ? t('verdict.next') : '',
      explains: [],
    };
  }
  const explains = failing.filter((f) => f !== first && (EXPLAINED_BY[f.id] ?? []).some((cause) => cause === first.id
    || (EXPLAINED_BY[cause] ?? []).includes(first.id))).map((f) => f.id);
  const what = sentence(first.detail || first.title);
  return {
    severity: first.severity,
    findingId: first.id,
    headline: t(first.severity === 'error' ? 'verdict.error' : 'verdict.warning', { what }),
    firstStep: first.remedy,
    explains,
  };
}

function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  return /[.!?。]$/.test(t) ? t : `${t}.`;
}
