import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { CredentialStatus } from '../../common/ipc/contract.js';
import { ROUTE_IDS, type RouteId } from '../../common/push/route-ids.js';
import { IpcFailure } from '../ipc/dispatch.js';
import type { CredentialServices } from '../ipc/credential-handlers.js';
import { describeIssues } from '../push/credentials.js';
import { ROUTES } from '../push/routes/index.js';

/**
 * Credentials for push routes, kept by main: encrypted with the OS key store through Electron's safeStorage
 * when it has a real one, else for this session only, in memory, and the status says which. On Linux
 * safeStorage falls back to a hard-coded key (`basic_text`) when no secret service is running; that is no
 * protection, so it counts as no key store. The page hands a secret in once and only ever sees statuses; a
 * parse error names the field, never the value.
 */
export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>
  & Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export interface CredentialStore extends CredentialServices {
  /** The credential JSON of a route, for the push routes in main; null when none is set. */
  secretFor(route: RouteId): Promise<unknown>;
  /** Why credentials are session-only, or null when they are encrypted on disk. */
  sessionOnlyReason(): string | null;
}

export interface CredentialStoreOptions {
  file: string;
  /** Absent where no key store exists at all (the lab server): credentials are then session-only. */
  safeStorage?: SafeStorageLike | null;
  platform: NodeJS.Platform;
}

function isRoute(route: string): route is RouteId {
  return (ROUTE_IDS as readonly string[]).includes(route);
}

/** The route's section of what was pasted: the section itself, or a whole `--credentials` file with a section per route. */
function sectionOf(route: RouteId, json: unknown): unknown {
  if (json && typeof json === 'object' && !Array.isArray(json) && route in json && (json as Record<string, unknown>).type !== 'service_account') {
    return (json as Record<string, unknown>)[route];
  }
  return json;
}

export function createCredentialStore(options: CredentialStoreOptions): CredentialStore {
  const session = new Map<RouteId, string>();
  const storage = options.safeStorage ?? null;

  function sessionOnlyReason(): string | null {
    if (!storage) return 'no OS key store here: credentials are kept for this session only';
    if (!storage.isEncryptionAvailable()) return 'the OS key store is not available: credentials are kept for this session only';
    if (options.platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'no secret service (GNOME Keyring or KWallet) is running, so the key store would use a fixed key: credentials are kept for this session only';
    }
    return null;
  }

  async function readFileStore(): Promise<Partial<Record<RouteId, string>>> {
    try {
      const json = JSON.parse(await readFile(options.file, 'utf8')) as { routes?: Record<string, unknown> };
      const routes: Partial<Record<RouteId, string>> = {};
      for (const [route, value] of Object.entries(json.routes ?? {})) {
        if (isRoute(route) && typeof value === 'string') routes[route] = value;
      }
      return routes;
    } catch {
      return {};
    }
  }

  async function writeFileStore(routes: Partial<Record<RouteId, string>>): Promise<void> {
    await mkdir(path.dirname(options.file), { recursive: true });
    const tmp = `${options.file}.${process.pid}.tmp`;
    await writeFile(tmp, `${JSON.stringify({ version: 1, routes })}\n`, { encoding: 'utf8', mode: 0o600 });
    await rename(tmp, options.file);
  }

  async function statuses(): Promise<CredentialStatus[]> {
    const onDisk = sessionOnlyReason() === null ? await readFileStore() : {};
    return ROUTE_IDS.map((route) => {
      if (session.has(route)) return { route, set: true, storage: 'session' };
      if (onDisk[route] !== undefined) return { route, set: true, storage: 'encrypted' };
      return { route, set: false, storage: 'none' };
    });
  }

  function checked(route: string, secret: string): RouteId {
    if (!isRoute(route)) throw new IpcFailure('INVALID_INPUT', `There is no push route "${route.slice(0, 40)}".`);
    let json: unknown;
    try {
      json = JSON.parse(secret);
    } catch {
      // JSON.parse's message quotes the text around the error, which would be the secret.
      throw new IpcFailure('INVALID_INPUT', `The ${route} credentials are not valid JSON.`, 'Paste the JSON file the vendor console gave you, unchanged.');
    }
    const section = sectionOf(route, json);
    const parsed = ROUTES[route].credentialsSchema.safeParse(section);
    if (!parsed.success) {
      throw new IpcFailure('INVALID_INPUT', `The ${route} credentials are incomplete: ${describeIssues(section, parsed.error.issues)}.`);
    }
    return route;
  }

  return {
    sessionOnlyReason,
    listCredentials: statuses,
    async setCredential({ route, secret }) {
      const id = checked(route, secret);
      const section = JSON.stringify(sectionOf(id, JSON.parse(secret)));
      if (sessionOnlyReason() === null && storage) {
        const routes = await readFileStore();
        routes[id] = storage.encryptString(section).toString('base64');
        await writeFileStore(routes);
        session.delete(id);
      } else {
        session.set(id, section);
      }
      return statuses();
    },
    async clearCredential(route) {
      if (!isRoute(route)) throw new IpcFailure('INVALID_INPUT', `There is no push route "${route.slice(0, 40)}".`);
      session.delete(route);
      const routes = await readFileStore();
      if (routes[route] !== undefined) {
        delete routes[route];
        if (Object.keys(routes).length === 0) await rm(options.file, { force: true });
        else await writeFileStore(routes);
      }
      return statuses();
    },
    async secretFor(route) {
      const inSession = session.get(route);
      if (inSession !== undefined) return JSON.parse(inSession) as unknown;
      if (sessionOnlyReason() !== null || !storage) return null;
      const stored = (await readFileStore())[route];
      if (stored === undefined) return null;
      try {
        return JSON.parse(storage.decryptString(Buffer.from(stored, 'base64'))) as unknown;
      } catch {
        return null;
      }
    },
  };
}
