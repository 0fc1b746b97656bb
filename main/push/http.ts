import type { Logger } from '../log/logger.js';
import type { SecretSet } from './secrets.js';
import type { BuiltRequest, FetchLike, StepName, StepRecord } from './types.js';

export interface Exchange {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  retryAfter: string | null;
  step: StepRecord;
}

export type ExchangeResult = { ok: true; res: Exchange } | { ok: false; reason: string; step: StepRecord };

export interface HttpContext {
  fetch: FetchLike;
  now: () => number;
  timeoutMs: number;
  secrets: SecretSet;
  log: Logger | null;
  steps: StepRecord[];
}

/** The URL as recorded: no query string, since Tencent's carries the UserSig. */
export function recordedUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Why a fetch failed, in one line: the error and its cause (undici puts ECONNREFUSED etc. in `cause`). */
function describeFailure(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const c = cause instanceof Error ? `: ${(cause as Error & { code?: string }).code ?? ''} ${cause.message}`.trimEnd() : '';
    return `${err.name === 'TimeoutError' ? 'timed out' : err.message}${c}`;
  }
  return String(err);
}

/** Sends one request and records it as a step. Never throws: a network failure comes back as `ok: false`. */
export async function exchange(ctx: HttpContext, step: StepName, req: BuiltRequest): Promise<ExchangeResult> {
  const record: StepRecord = { step, url: recordedUrl(req.url), httpStatus: null, code: null, startedAt: ctx.now(), endedAt: 0 };
  ctx.steps.push(record);
  try {
    const res = await ctx.fetch(req.url, {
      method: req.method, headers: req.headers, body: req.body, signal: AbortSignal.timeout(ctx.timeoutMs),
    });
    const text = await res.text();
    record.httpStatus = res.status;
    record.endedAt = ctx.now();
    ctx.log?.debug(`${step} ${record.url} → HTTP ${res.status}`);
    return { ok: true, res: { status: res.status, text, json: parseJson(text), retryAfter: res.headers.get('retry-after'), step: record } };
  } catch (err) {
    record.endedAt = ctx.now();
    const reason = ctx.secrets.scrub(`${step} request to ${record.url} failed: ${describeFailure(err)}`);
    ctx.log?.warn(reason);
    return { ok: false, reason, step: record };
  }
}

export function formBody(fields: Record<string, string | number | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) p.append(k, String(v));
  return p.toString();
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}
