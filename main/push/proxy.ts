import { EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { FetchLike } from './types.js';

/**
 * Proxy support for the push routes. Node's global fetch ignores HTTPS_PROXY / NO_PROXY on Node 20 and 22, and
 * accepts no node:http Agent, so a hand-written CONNECT agent would still need an undici Dispatcher. The least
 * dependency that works on both is undici itself (no dependencies of its own), pinned to 7.30.2: 7.x declares
 * node >= 20.18.1, while 8.x needs node >= 22.19 and npm on Node 20 would silently pick another major
 * (libraries.md). We use undici's own fetch with its EnvHttpProxyAgent, so the dispatcher and the fetch are
 * one version whatever undici the runtime bundles. The agent tunnels every request through CONNECT.
 */
export interface ProxyConfig {
  /** Proxy for https:// requests (HTTPS_PROXY); falls back to httpProxy. */
  httpsProxy: string | null;
  /** Proxy for http:// requests (HTTP_PROXY; the Meizu endpoint is plain HTTP). */
  httpProxy: string | null;
  /** NO_PROXY: comma- or space-separated hosts, domains (".example.com"), host:port, or "*". */
  noProxy: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

function pick(env: Env, name: string): string | null {
  // Lower case first, as curl and undici read them.
  const v = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return v && v.trim() ? v.trim() : null;
}

/** The CLI's proxy settings from the environment, or null when none is set. */
export function proxyFromEnv(env: Env): ProxyConfig | null {
  const cfg: ProxyConfig = { httpsProxy: pick(env, 'https_proxy'), httpProxy: pick(env, 'http_proxy'), noProxy: pick(env, 'no_proxy') };
  return cfg.httpsProxy || cfg.httpProxy ? cfg : null;
}

/** A proxy URL for messages: scheme, host and port only (a proxy URL may carry a user and password). */
export function describeProxy(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparseable proxy URL)';
  }
}

export interface ProxiedFetch {
  fetch: FetchLike;
  close(): Promise<void>;
}

export interface ProxiedFetchOptions {
  /** Extra CA certificates (PEM) to trust, e.g. a TLS-inspecting corporate proxy's. */
  ca?: string;
}

/**
 * A fetch that goes through the proxy (and straight to NO_PROXY hosts). Every value is passed explicitly, so
 * the agent never falls back to process.env: the caller decides where the settings come from (the CLI's
 * environment, or the system proxy the app resolved).
 */
export function proxiedFetch(cfg: ProxyConfig, o: ProxiedFetchOptions = {}): ProxiedFetch {
  const tls = o.ca ? { ca: o.ca } : undefined;
  const agent: Dispatcher = new EnvHttpProxyAgent({
    httpProxy: cfg.httpProxy ?? '',
    httpsProxy: cfg.httpsProxy ?? '',
    noProxy: cfg.noProxy ?? '',
    ...(tls ? { connect: tls, requestTls: tls } : {}),
  });
  return {
    fetch: async (url, init) => undiciFetch(url, { ...init, dispatcher: agent }),
    close: () => agent.close(),
  };
}

/** The fetch the CLI uses: proxied when the environment names a proxy, the global fetch otherwise. */
export function fetchForEnv(env: Env, o: ProxiedFetchOptions = {}): ProxiedFetch {
  const cfg = proxyFromEnv(env);
  if (cfg) return proxiedFetch(cfg, o);
  return { fetch: (url, init) => fetch(url, init), close: async () => {} };
}
