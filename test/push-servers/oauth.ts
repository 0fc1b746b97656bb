import { randomBytes } from 'node:crypto';
import type { RecordedRequest, Reply } from './server.js';

/**
 * OAuth client-credentials token endpoint as Huawei (push-apis §3.1) and Honor (§3.2) document the request.
 * Their error bodies are not in our sources, so a rejected client answers HTTP 401 with an error_description
 * only: a client must explain it by the HTTP status, not by a code it cannot know.
 */
export class ClientCredentialsIssuer {
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();

  constructor(private readonly clientId: string, private readonly clientSecret: string, private readonly now: () => number) {}

  handle(req: RecordedRequest): Reply {
    const f = req.form;
    if (!f || f.grant_type !== 'client_credentials') return { status: 400, body: { error_description: 'grant_type must be client_credentials (form-encoded)' } };
    if (f.client_id !== this.clientId || f.client_secret !== this.clientSecret) {
      return { status: 401, body: { error_description: 'client authentication failed' } };
    }
    const token = `CgB6e3x9${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, { clientId: f.client_id, expiresAt: this.now() + 3600_000 });
    return { status: 200, body: { access_token: token, expires_in: 3600, token_type: 'Bearer' } };
  }

  /** 'ok', 'missing' (no Bearer header), 'unknown', or 'expired'. */
  check(authorization: string | undefined): 'ok' | 'missing' | 'unknown' | 'expired' {
    if (!authorization?.startsWith('Bearer ')) return 'missing';
    const t = this.tokens.get(authorization.slice(7));
    if (!t) return 'unknown';
    return t.expiresAt < this.now() ? 'expired' : 'ok';
  }

  /** Makes every issued token expire (to test the expired-token answer). */
  expireAll(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }
}
