/**
 * The secrets one run uses: credential values and what is derived from them (UserSig, access tokens,
 * signatures). Every string a run returns or logs passes through `scrub`, so even a server that echoes a
 * secret back cannot put it in a result, an error or a log line.
 */
export class SecretSet {
  private readonly values = new Set<string>();

  /** Values shorter than 6 characters are not treated as secrets: scrubbing them would mangle ordinary text. */
  add(...values: readonly (string | null | undefined)[]): void {
    for (const v of values) if (typeof v === 'string' && v.length >= 6) this.values.add(v);
  }

  list(): readonly string[] {
    return [...this.values];
  }

  scrub(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(v)) out = out.split(v).join('[secret]');
      // The URL-encoded form too (form bodies and query strings echo it that way).
      const enc = encodeURIComponent(v);
      if (enc !== v && out.includes(enc)) out = out.split(enc).join('[secret]');
    }
    return out;
  }

  /** A deep copy with every string scrubbed. */
  scrubDeep<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.scrubDeep(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.scrubDeep(v);
      return out as T;
    }
    return value;
  }
}
