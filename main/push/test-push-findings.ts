import type { Evidence } from '../../common/domain/facts.js';
import { severityRank, type Finding, type Msg, type Severity } from '../../common/domain/findings.js';
import type { MessageKey } from '../../common/i18n/messages.js';
import { msg } from '../../common/i18n/msg.js';
import { localizeFinding } from '../../common/i18n/render-finding.js';
import { finding } from '../diagnosis/rules/rule.js';
import type { DisplayReason, NotDeliveredReason } from './verdict.js';

/**
 * Every sentence the test-push findings say (checklist section 8: test-push-accepted, -delivered, -displayed,
 * -click), as catalog messages (common/i18n/messages/push-en.ts) so a push report renders in either language.
 */
const where = (condition: string | null): string | Msg => (condition
  ? msg('push.where', { condition: { key: `push.condition.${condition}`, fallback: condition } })
  : '');

type Severities<R extends string> = Record<R, { severity: Severity; detail: MessageKey; remedy: MessageKey | null }>;

export const NOT_DELIVERED_TEXT: Severities<NotDeliveredReason> = {
  'channel-missing': { severity: 'error', detail: 'push.not-delivered.channel-missing', remedy: 'push.not-delivered.channel-missing-remedy' },
  'app-stopped': { severity: 'error', detail: 'push.not-delivered.app-stopped', remedy: 'push.not-delivered.app-stopped-remedy' },
  'app-blocked': { severity: 'error', detail: 'push.not-delivered.app-blocked', remedy: 'push.not-delivered.app-blocked-remedy' },
  'channel-blocked': { severity: 'error', detail: 'push.not-delivered.channel-blocked', remedy: 'push.not-delivered.channel-blocked-remedy' },
  'deferred-doze': { severity: 'warning', detail: 'push.not-delivered.deferred-doze', remedy: 'push.not-delivered.deferred-doze-remedy' },
  'data-message': { severity: 'warning', detail: 'push.not-delivered.data-message', remedy: 'push.not-delivered.data-message-remedy' },
  'fcm-foreground': { severity: 'info', detail: 'push.not-delivered.fcm-foreground', remedy: 'push.not-delivered.fcm-foreground-remedy' },
  'im-online': { severity: 'info', detail: 'push.not-delivered.im-online', remedy: 'push.not-delivered.im-online-remedy' },
  'no-trace': { severity: 'error', detail: 'push.not-delivered.no-trace', remedy: 'push.not-delivered.no-trace-remedy' },
};

const DISPLAY_TEXT: Severities<Exclude<DisplayReason, 'shown' | 'silent'>> = {
  dnd: { severity: 'warning', detail: 'push.display.dnd', remedy: 'push.display.dnd-remedy' },
  'min-importance': { severity: 'warning', detail: 'push.display.min-importance', remedy: 'push.display.min-importance-remedy' },
  'lock-screen-hidden': { severity: 'warning', detail: 'push.display.lock-screen-hidden', remedy: 'push.display.lock-screen-hidden-remedy' },
  unknown: { severity: 'unknown', detail: 'push.display.unknown', remedy: 'push.display.unknown-remedy' },
};

/** How the posted push was shown, and what to do about it. */
function display(v: PushVerdict): { severity: Severity; how: Msg; remedy: Msg | undefined } {
  const reason = v.display ?? 'unknown';
  if (reason === 'shown') {
    // NotificationManager.IMPORTANCE_DEFAULT (3) alerts with sound but "does not visually intrude"; only HIGH (4) peeks as a banner.
    const key = v.importance !== null && v.importance < 4 ? 'push.display.shown-no-banner' : 'push.display.shown';
    return { severity: 'ok', how: msg(key, { importance: v.importance ?? '?' }), remedy: undefined };
  }
  if (reason === 'silent') {
    return { severity: 'warning', how: msg('push.display.silent', { channel: v.channelId ?? '?' }), remedy: msg('push.display.silent-remedy') };
  }
  const d = DISPLAY_TEXT[reason];
  return { severity: d.severity, how: { key: d.detail }, remedy: d.remedy ? { key: d.remedy } : undefined };
}

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

export function testPushFindings(v: PushVerdict): Finding[] {
  const at = where(v.condition);
  const out: Finding[] = [];
  if (v.accepted) {
    out.push(finding('test-push-accepted', 'ok', {
      detail: v.acceptMs !== null
        ? msg('finding.test-push-accepted.ok-ms', { route: v.route, where: at, ms: v.acceptMs, code: v.acceptCode })
        : msg('finding.test-push-accepted.ok', { route: v.route, where: at, code: v.acceptCode }),
      evidence: v.sendEvidence,
    }));
  } else {
    // The route's own meaning and advice for its answer (push/errors/) are quoted as the tables give them.
    out.push(finding('test-push-accepted', v.acceptKnown ? 'error' : 'unknown', {
      detail: msg('finding.test-push-accepted.rejected', { route: v.route, where: at, code: v.acceptCode, meaning: quoted(v.acceptMeaning) }),
      remedy: v.acceptAction ? quoted(v.acceptAction) : msg('finding.test-push-accepted.rejected-remedy'),
      evidence: v.sendEvidence,
    }));
  }
  if (!v.watched) return out;
  if (!v.accepted) {
    const notChecked = { detail: msg('finding.test-push.not-accepted', { where: at }), remedy: msg('finding.test-push.fix-send-first') };
    out.push(finding('test-push-delivered', 'unknown', notChecked));
    out.push(finding('test-push-displayed', 'unknown', notChecked));
    return out;
  }
  if (v.delivered) {
    out.push(finding('test-push-delivered', 'ok', {
      detail: msg('finding.test-push-delivered.ok', { where: at, ms: v.latencyMs ?? '?', channel: v.channelId ?? '?' }), evidence: v.evidence,
    }));
    const d = display(v);
    out.push(finding('test-push-displayed', d.severity, {
      detail: msg('finding.test-push-displayed.detail', { how: d.how, where: at }), evidence: v.evidence, ...(d.remedy ? { remedy: d.remedy } : {}),
    }));
    if (v.click) out.push(clickFinding(v.click, at));
    return out;
  }
  const nd = NOT_DELIVERED_TEXT[v.notDelivered ?? 'no-trace'];
  const remedy: Msg | undefined = nd.remedy ? { key: nd.remedy } : undefined;
  out.push(finding('test-push-delivered', nd.severity, {
    detail: msg('finding.test-push-delivered.not-posted', { where: at, why: { key: nd.detail } }), evidence: v.evidence, ...(remedy ? { remedy } : {}),
  }));
  out.push(finding('test-push-displayed', 'unknown', { detail: msg('finding.test-push-displayed.never-posted', { where: at }), ...(remedy ? { remedy } : {}) }));
  return out;
}

const quoted = (text: string): Msg => msg('reason.raw', { text });

function clickFinding(c: NonNullable<PushVerdict['click']>, at: string | Msg): Finding {
  const evidence = c.evidence.map((excerpt) => ({ command: 'uiautomator dump / input tap / dumpsys activity activities', excerpt }));
  if (!c.tapped || c.resumed === null) {
    return finding('test-push-click', 'unknown', {
      detail: msg('finding.test-push-click.unchecked', { where: at, problem: c.problem ? quoted(c.problem) : msg('push.no-answer') }),
      remedy: msg('finding.test-push-click.unchecked-remedy'),
      evidence,
    });
  }
  const right = c.expected ? c.resumed === c.expected : c.resumed.startsWith(`${c.app}/`);
  if (right) return finding('test-push-click', 'ok', { detail: msg('finding.test-push-click.ok', { activity: c.resumed, where: at }), evidence });
  return finding('test-push-click', 'error', {
    detail: msg('finding.test-push-click.wrong', { activity: c.resumed, expected: c.expected ?? msg('push.page-of', { app: c.app }), where: at }),
    remedy: msg('finding.test-push-click.wrong-remedy'),
    evidence,
  });
}

/** One finding per id over several conditions: the worst severity, every condition's sentence in its detail. */
export function mergeAcrossConditions(runs: readonly Finding[][]): Finding[] {
  const byId = new Map<string, Finding[]>();
  for (const run of runs) for (const f of run) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  return [...byId.values()].map((list) => {
    const worst = [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0]!;
    if (list.length === 1) return worst;
    const evidence = list.flatMap((f) => f.evidence).slice(0, 12);
    const details = list.map((f) => f.message?.detail ?? msg('untranslated', { text: f.detail }));
    if (!worst.message) return { ...worst, detail: list.map((f) => f.detail).join(' '), evidence };
    const detail = details.slice(0, -1).reduceRight<Msg>((tail, head) => msg('word.sentences', { head, tail }), details[details.length - 1]!);
    return localizeFinding({ ...worst, evidence, message: { ...worst.message, detail } }, 'en');
  });
}
