import type { DeviceFacts } from '../../common/domain/facts.js';
import type { DeviceChange, DeviceReport } from '../../common/domain/report.js';

/**
 * What changed on a phone between two audits: every fact whose value differs (a setting turned off, a push
 * service updated, a channel blocked) and every finding whose outcome differs (appeared, cleared, got worse).
 * Lists are compared by their natural key (push services by package, channels by id), so an unchanged
 * channel that moved in the dump's order is no change.
 */
export function deviceChanges(before: DeviceReport, after: DeviceReport): DeviceChange[] {
  const changes: DeviceChange[] = [];
  const a = flattenFacts(before.facts);
  const b = flattenFacts(after.facts);
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(key) ?? null;
    const y = b.get(key) ?? null;
    if (!sameValue(x, y)) changes.push({ path: key, before: x, after: y });
  }
  const was = new Map(before.findings.map((f) => [f.id, f.severity]));
  const now = new Map(after.findings.map((f) => [f.id, f.severity]));
  for (const id of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const x = was.get(id) ?? null;
    const y = now.get(id) ?? null;
    if (x !== y) changes.push({ finding: id, before: x, after: y });
  }
  return changes;
}

type Scalar = string | number | boolean | null;

/** Dotted paths to scalar values; lists of records keyed by their id so order does not matter. */
export function flattenFacts(facts: DeviceFacts): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  walk(facts, '', out);
  return out;
}

const LIST_KEYS: Readonly<Record<string, string>> = { pushServices: 'package', 'app.channels': 'id' };

function walk(value: unknown, prefix: string, out: Map<string, Scalar>): void {
  if (value === null || value === undefined || typeof value !== 'object') {
    if (prefix !== '') out.set(prefix, (value ?? null) as Scalar);
    return;
  }
  if (Array.isArray(value)) {
    const key = LIST_KEYS[prefix];
    value.forEach((item, i) => {
      const id = key && item && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined;
      walk(item, `${prefix}[${typeof id === 'string' ? id : i}]`, out);
    });
    return;
  }
  for (const [k, v] of Object.entries(value)) walk(v, prefix === '' ? k : `${prefix}.${k}`, out);
}

function sameValue(x: Scalar, y: Scalar): boolean {
  return x === y;
}
