import { explainCode, type ErrorTable } from '../error-table.js';
import { asRecord, exchange, formBody, str } from '../http.js';
import { decide, explainStatus, networkFailure, type RouteOutcome, type RunContext } from '../route.js';

/**
 * OAuth 2.0 client-credentials token request, as Huawei (push-apis §3.1) and Honor (§3.2) document it:
 * form `grant_type=client_credentials&client_id&client_secret` → `{"access_token", "expires_in", …}`.
 * Returns the access token, or the outcome that ends the run.
 */
export async function clientCredentialsToken(
  ctx: RunContext<unknown>, url: string, clientId: string, clientSecret: string, table: ErrorTable,
): Promise<{ token: string } | { stop: RouteOutcome }> {
  const t = await exchange(ctx, 'auth', {
    method: 'POST', url,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  if (!t.ok) return { stop: networkFailure(table, t.reason) };
  const body = asRecord(t.res.json);
  const token = str(body?.access_token);
  if (t.res.status === 200 && token) {
    ctx.secrets.add(token);
    t.res.step.code = 'ok';
    return { token };
  }
  // The token endpoints' error bodies are not in our sources: a vendor code in the body is explained from the
  // route's table (Huawei sends push codes such as 80600003), otherwise the HTTP status is.
  const code = str(body?.code) ?? str(body?.error);
  const e = code && table.entries[code] ? explainCode(table, code, str(body?.msg) ?? str(body?.error_description)) : explainStatus(table, t.res);
  return { stop: { ...decide(e, t.res.step.startedAt, t.res, null), sentAt: null } };
}
