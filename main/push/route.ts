import type { z } from 'zod';
import type { Logger } from '../log/logger.js';
import { explainCode, type ErrorTable } from './error-table.js';
import type { Exchange, HttpContext } from './http.js';
import { SecretSet } from './secrets.js';
import type { CodeExplanation, FetchLike, OnlineStatus, PushResult, RouteId, TestPushMessage } from './types.js';

/** Everything one run of a route has: its inputs, the transport, and where steps and notes go. */
export interface RunContext<C> extends HttpContext {
  route: RouteId;
  credentials: C;
  /** Push token (vendor routes, FCM) or IM account (tencent-im). */
  target: string;
  message: TestPushMessage;
  /** Where the send request goes. */
  baseUrl: string;
  /** Where the token request goes, for routes whose auth lives on another host. */
  authBaseUrl: string;
  notes: string[];
}

/** What a route's run decides; the runner adds the steps, notes and scrubbing. */
export interface RouteOutcome {
  outcome: PushResult['outcome'];
  explanation: CodeExplanation | null;
  messageId: string | null;
  sentAt: number | null;
  acceptedAt: number | null;
  onlineStatus?: OnlineStatus | null;
}

export interface PushRoute<C> {
  id: RouteId;
  displayName: string;
  credentialsSchema: z.ZodType<C>;
  errors: ErrorTable;
  /** The production base URL for these credentials and target (region domains, OPPO's regId region). */
  defaultBaseUrl(credentials: C, target: string): string;
  /** The production auth host, for routes whose token endpoint is on another host than the send API. */
  defaultAuthBaseUrl?(credentials: C): string;
  /** The credential values that are secret (registered for scrubbing before anything is sent). */
  secretsOf(credentials: C): (string | undefined)[];
  /** Why this route cannot carry the message, or null. */
  unsupported?(message: TestPushMessage): string | null;
  run(ctx: RunContext<C>): Promise<RouteOutcome>;
}

export interface SendOptions<C> {
  credentials: C;
  target: string;
  message: TestPushMessage;
  /**
   * `--base-url`: where every request of the route goes. With a base URL the route's token endpoint is
   * looked for on the same server (so one local server can stand in for a vendor's two hosts).
   */
  baseUrl?: string;
  fetch?: FetchLike;
  log?: Logger;
  now?: () => number;
  timeoutMs?: number;
  /** More values to keep out of every result and log line (e.g. the proxy URL's password). */
  secrets?: readonly string[];
}

const defaultFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * Runs one test push by one route. Never throws for anything the network or the server does; every string in
 * the result has the run's secrets scrubbed out.
 */
export async function sendTestPush<C>(route: PushRoute<C>, o: SendOptions<C>): Promise<PushResult> {
  const secrets = new SecretSet();
  secrets.add(...route.secretsOf(o.credentials), ...(o.secrets ?? []));
  const baseUrl = o.baseUrl ?? route.defaultBaseUrl(o.credentials, o.target);
  const ctx: RunContext<C> = {
    route: route.id,
    credentials: o.credentials,
    target: o.target,
    message: o.message,
    baseUrl,
    authBaseUrl: o.baseUrl ?? route.defaultAuthBaseUrl?.(o.credentials) ?? baseUrl,
    fetch: o.fetch ?? defaultFetch,
    now: o.now ?? Date.now,
    timeoutMs: o.timeoutMs ?? 30_000,
    secrets,
    log: o.log ? scrubbingLogger(o.log, secrets) : null,
    steps: [],
    notes: [],
  };
  let out: RouteOutcome;
  const why = route.unsupported?.(o.message) ?? null;
  if (why) {
    out = { outcome: 'not-sent', explanation: notSent(route.errors, 'unsupported-message', why), messageId: null, sentAt: null, acceptedAt: null };
  } else {
    try {
      out = await route.run(ctx);
    } catch (err) {
      // A bug in a route must not lose the steps already taken, nor leak a secret through its message. Whether
      // the server took the push is then unknown.
      out = {
        outcome: 'unknown',
        explanation: { ...notSent(route.errors, 'internal-error', `Push Doctor failed while sending: ${err instanceof Error ? err.message : String(err)}`), known: false },
        messageId: null, sentAt: null, acceptedAt: null,
      };
    }
  }
  const result: PushResult = {
    route: route.id,
    outcome: out.outcome,
    explanation: out.explanation,
    messageId: out.messageId,
    sentAt: out.sentAt,
    acceptedAt: out.acceptedAt,
    steps: ctx.steps,
    onlineStatus: out.onlineStatus ?? null,
    notes: ctx.notes,
  };
  ctx.log?.info(`${route.id}: ${result.outcome}${result.explanation ? ` (${result.explanation.code})` : ''}`);
  return secrets.scrubDeep(result);
}

/** A logger that scrubs the run's secrets from every line before the (redacting) logger sees it. */
function scrubbingLogger(log: Logger, secrets: SecretSet): Logger {
  const wrap = (f: (m: string, d?: unknown) => void) => (m: string, d?: unknown) =>
    f(secrets.scrub(m), d === undefined ? undefined : secrets.scrubDeep(d instanceof Error ? `${d.name}: ${d.message}` : d));
  return {
    debug: wrap(log.debug), info: wrap(log.info), warn: wrap(log.warn), error: wrap(log.error),
    child: (scope) => scrubbingLogger(log.child(scope), secrets),
  };
}

/** Caps a TTL at the route's documented maximum, saying so. */
export function cappedTtl(ctx: RunContext<unknown>, seconds: number, max: number): number {
  if (seconds <= max) return seconds;
  ctx.notes.push(`The TTL of ${seconds} s is above ${ctx.route}'s maximum of ${max} s; sent with ${max} s.`);
  return max;
}

/** An explanation for something that happened on our side (no vendor code). */
export function notSent(table: ErrorTable, code: string, meaning: string, action = ''): CodeExplanation {
  return { code, known: true, success: false, meaning, action, source: table.docs, retryable: false };
}

export function networkFailure(table: ErrorTable, reason: string): RouteOutcome {
  return {
    outcome: 'network-error',
    explanation: {
      code: 'network', known: true, success: false, meaning: reason,
      action: 'Check the network, the base URL and the proxy (HTTPS_PROXY / NO_PROXY).', source: table.docs, retryable: true,
    },
    messageId: null, sentAt: null, acceptedAt: null,
  };
}

/** Turns an explained code into the outcome: accepted only for a known success code. */
export function decide(explanation: CodeExplanation, sentAt: number, res: Exchange, messageId: string | null): RouteOutcome {
  res.step.code = explanation.code;
  const outcome = explanation.success ? 'accepted' : explanation.known ? 'rejected' : 'unknown';
  return { outcome, explanation, messageId: outcome === 'accepted' ? messageId : null, sentAt, acceptedAt: outcome === 'accepted' ? res.step.endedAt : null };
}

/** A response that carried no vendor code: explained by its HTTP status (`http-502`, …), unknown otherwise. */
export function explainStatus(table: ErrorTable, res: Exchange): CodeExplanation {
  return explainCode(table, `http-${res.status}`, res.text.slice(0, 300));
}
