import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';
import { ROUTES, type CredentialsByRoute } from './routes/index.js';
import type { RouteId } from './types.js';

/**
 * `--credentials FILE`: one JSON file with a section per route (`{"huawei": {...}, "vivo": {...}}`), or for
 * fcm the service-account key file exactly as Firebase downloads it. Each section is validated with its
 * route's schema. No message here ever quotes a value from the file: a parse error names the field, never
 * what was in it.
 */
export type CredentialsResult<C> =
  | { ok: true; credentials: C; warnings: string[] }
  | { ok: false; error: string; warnings: string[] };

export interface CredentialsFs {
  readFile(path: string): Promise<string>;
  /** File mode bits; null where the platform has no POSIX permissions (Windows). */
  mode(path: string): Promise<number | null>;
}

const nodeFs: CredentialsFs = {
  readFile: (p) => readFile(p, 'utf8'),
  mode: async (p) => (process.platform === 'win32' ? null : (await stat(p)).mode),
};

/** A warning when group or others may read the file (mode & 0o077), with the fix. */
export function permissionWarning(file: string, mode: number | null): string | null {
  if (mode === null || (mode & 0o077) === 0) return null;
  const octal = (mode & 0o777).toString(8).padStart(3, '0');
  return `credentials file ${file} is readable by other users (mode ${octal}); restrict it with: chmod 600 ${file}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** Zod issues as sentences naming the field; zod's own messages carry types and options, never the input. */
export function describeIssues(section: unknown, issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => {
    const field = i.path.map(String).join('.') || '(the section)';
    if (valueAt(section, i.path) === undefined) return `missing field "${field}"`;
    return `field "${field}": ${i.message}`;
  }).join('; ');
}

export async function loadCredentials<R extends RouteId>(file: string, route: R, fs: CredentialsFs = nodeFs): Promise<CredentialsResult<CredentialsByRoute[R]>> {
  const warnings: string[] = [];
  let text: string;
  try {
    const w = permissionWarning(file, await fs.mode(file));
    if (w) warnings.push(w);
    text = await fs.readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, error: `cannot read credentials file ${file}${code ? ` (${code})` : ''}`, warnings };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the error, which may be a secret: say only where.
    return { ok: false, error: `credentials file ${file} is not valid JSON`, warnings };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, error: `credentials file ${file} must hold a JSON object`, warnings };
  }
  const top = json as Record<string, unknown>;
  let section: unknown;
  let where: string;
  if (top.type === 'service_account') {
    if (route !== 'fcm') {
      return { ok: false, error: `credentials file ${file} is a Firebase service-account key: it serves the fcm route only, not ${route}`, warnings };
    }
    section = top;
    where = `service-account key ${file}`;
  } else {
    section = top[route];
    where = `credentials file ${file}, section "${route}"`;
    if (section === undefined && route === 'fcm' && typeof top.type === 'string') {
      return { ok: false, error: `credentials file ${file} is a Google "${top.type.slice(0, 40)}" file, not a service-account key (type "service_account"): download the key from Firebase → Project settings → Service accounts`, warnings };
    }
    if (section === undefined) {
      const found = Object.keys(top).filter((k) => k in ROUTES);
      return {
        ok: false,
        error: `credentials file ${file} has no "${route}" section${found.length ? ` (it has: ${found.join(', ')})` : ''}`,
        warnings,
      };
    }
  }
  const schema = ROUTES[route].credentialsSchema as z.ZodType<CredentialsByRoute[R]>;
  const parsed = schema.safeParse(section);
  if (!parsed.success) return { ok: false, error: `${where}: ${describeIssues(section, parsed.error.issues)}`, warnings };
  return { ok: true, credentials: parsed.data, warnings };
}
