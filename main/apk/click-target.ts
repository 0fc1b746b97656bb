import type { ApkComponent, ApkIntentFilter, ApkManifestFacts } from '../../common/domain/apk.js';

/**
 * Does the click target configured in the push console land anywhere? The engineer enters what the console
 * says — an activity class, an intent URI (`intent://…#Intent;…;end`) or a plain URI (`imdemo://host/path`) — and
 * this checks it against the manifest the way Android's startActivity would match it. The vendor's push service
 * (another app: HMS Core, xmsf, …) starts the activity, so only an exported, enabled activity can be the target.
 * The phone's own answer (`cmd package resolve-activity`) is the other half of the check, done elsewhere.
 */

const VIEW = 'android.intent.action.VIEW';
const DEFAULT = 'android.intent.category.DEFAULT';

export type ClickTarget =
  | { kind: 'component'; className: string; package: string | null }
  | { kind: 'uri'; uri: string; scheme: string; host: string | null; port: string | null; path: string; action: string; categories: string[]; package: string | null; component: string | null };

export interface ClickResolution {
  target: ClickTarget | null;
  /** Activities (and aliases) the target reaches, exported and enabled. */
  matches: ApkComponent[];
  /** What stops the click from landing; null when it lands. */
  problem: string | null;
}

/** Reads what the engineer typed; null when it is none of the three forms. */
export function parseClickTarget(text: string, appPackage: string | null): ClickTarget | null {
  const t = text.trim();
  if (!t) return null;
  if (/^intent:/i.test(t)) return parseIntentUri(t, appPackage);
  const uri = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(t);
  if (uri) return uriTarget(t, VIEW, [], null, null);
  const component = /^([\w.]+)\/([\w.$]+)$/.exec(t);
  if (component) return { kind: 'component', package: component[1]!, className: expand(component[2]!, component[1]!) };
  if (/^\.?[\w$]+(\.[\w$]+)*$/.test(t)) return { kind: 'component', package: appPackage, className: expand(t, appPackage) };
  return null;
}

function expand(name: string, pkg: string | null): string {
  return name.startsWith('.') && pkg ? pkg + name : name;
}

function uriTarget(uri: string, action: string, categories: string[], pkg: string | null, component: string | null): ClickTarget | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const hierarchical = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(uri);
  return {
    kind: 'uri', uri, scheme,
    host: hierarchical && url.hostname ? url.hostname.toLowerCase() : null,
    port: url.port || null,
    path: hierarchical ? decodeURIComponent(url.pathname) : '',
    action, categories, package: pkg, component,
  };
}

/** `intent://HOST/PATH#Intent;scheme=S;package=P;component=C;action=A;category=K;…;end` (Intent.toUri). */
function parseIntentUri(text: string, appPackage: string | null): ClickTarget | null {
  const hash = text.indexOf('#Intent;');
  if (hash < 0 || !text.endsWith(';end')) return null;
  const fields = new Map<string, string[]>();
  for (const part of text.slice(hash + '#Intent;'.length, -';end'.length).split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq);
    fields.set(key, [...(fields.get(key) ?? []), decodeURIComponent(part.slice(eq + 1))]);
  }
  const pkg = fields.get('package')?.[0] ?? null;
  const component = fields.get('component')?.[0] ?? null;
  const action = fields.get('action')?.[0] ?? VIEW;
  const categories = fields.get('category') ?? [];
  const scheme = fields.get('scheme')?.[0];
  const rest = text.slice('intent:'.length, hash);
  if (component) {
    const [p, cls] = component.split('/');
    if (cls) return { kind: 'component', package: p ?? pkg, className: expand(cls, p ?? pkg ?? appPackage) };
  }
  if (!scheme) return null;
  return uriTarget(`${scheme}:${rest}`, action, categories, pkg, component);
}

export function resolveClickTarget(manifest: ApkManifestFacts, text: string): ClickResolution {
  const target = parseClickTarget(text, manifest.package);
  if (!target) return { target, matches: [], problem: `"${text}" is not an activity class, an intent:// URI or a scheme URI` };
  const activities = manifest.components.filter((c) => c.kind === 'activity' || c.kind === 'activity-alias');
  if (target.package && manifest.package && target.package !== manifest.package) {
    return { target, matches: [], problem: `the target names package ${target.package}, the app is ${manifest.package}` };
  }
  if (target.kind === 'component') {
    const found = activities.find((c) => c.name === target.className);
    if (!found) return { target, matches: [], problem: `no activity ${target.className} in the manifest` };
    return { target, matches: landing(found) ? [found] : [], problem: whyNot(found) };
  }
  const handling = activities.filter((c) => c.intentFilters.some((f) => filterMatches(f, target)));
  const landed = handling.filter(landing);
  if (landed.length) return { target, matches: landed, problem: null };
  if (handling.length) return { target, matches: [], problem: handling.map((c) => whyNot(c)).join('; ') };
  return { target, matches: [], problem: `no activity has an intent filter for ${target.action} ${target.uri}` };
}

function landing(c: ApkComponent): boolean {
  return c.exportedEffective && c.enabled !== false;
}

function whyNot(c: ApkComponent): string | null {
  if (c.enabled === false) return `${c.name} is disabled (android:enabled="false", line ${c.source.line})`;
  if (!c.exportedEffective) return `${c.name} is not exported (line ${c.source.line}): the push service, another app, cannot start it`;
  return null;
}

/** IntentFilter.match for a data URI with no MIME type, as startActivity adds CATEGORY_DEFAULT. */
export function filterMatches(filter: ApkIntentFilter, target: Extract<ClickTarget, { kind: 'uri' }>): boolean {
  if (!filter.actions.includes(target.action)) return false;
  if (![...target.categories, DEFAULT].every((c) => filter.categories.includes(c))) return false;
  const schemes = filter.data.flatMap((d) => (d.scheme ? [d.scheme] : []));
  const hosts = filter.data.filter((d) => d.host);
  const paths = filter.data.filter((d) => d.path || d.pathPrefix || d.pathPattern);
  if (filter.data.some((d) => d.mimeType)) return false; // a typed filter never matches an untyped URI
  if (!schemes.includes(target.scheme)) return false;
  if (!hosts.length) return true; // scheme-only filters match every URI of the scheme
  const hostOk = hosts.some((d) => hostMatches(d.host!, target.host) && (!d.port || d.port === target.port));
  if (!hostOk) return false;
  if (!paths.length) return true;
  return paths.some((d) => (d.path !== null && d.path === target.path)
    || (d.pathPrefix !== null && target.path.startsWith(d.pathPrefix))
    || (d.pathPattern !== null && simpleGlob(d.pathPattern, target.path)));
}

function hostMatches(filterHost: string, host: string | null): boolean {
  if (host === null) return false;
  if (filterHost === '*') return true;
  if (filterHost.startsWith('*')) return host.endsWith(filterHost.slice(1));
  return filterHost.toLowerCase() === host;
}

/** PatternMatcher.PATTERN_SIMPLE_GLOB: `.` any character, `x*` any run of x, `.*` anything, `\` escapes. */
function simpleGlob(pattern: string, text: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) re += escape(pattern[++i]!);
    else if (ch === '.') re += '.';
    else if (ch === '*') re += '*';
    else re += escape(ch);
  }
  try {
    return new RegExp(`^${re}$`, 's').test(text);
  } catch {
    return false; // e.g. a leading or doubled "*": Android's matcher finds nothing for these either
  }
}

function escape(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
