import { cite, guard, parsed, unparsed, type Cited, type ParseResult } from '../parse-result.js';
import { commandFailure, toLines } from '../text.js';

/**
 * `getprop` (no arguments): one `[name]: [value]` per property, sorted by name. A value may span lines
 * (it keeps its newlines), so a property ends at the first line that closes the bracket.
 * Printed by toolbox getprop (Android 9+:
 * https://android.googlesource.com/platform/system/core/+/refs/heads/main/toolbox/getprop.cpp ; Android 8:
 * system/core/toolbox/getprop.c `list_properties`), same format since Android 4.
 * Checked against: Xiaomi MIUI 14/Android 12, HyperOS 2/Android 14, Honor MagicOS 9/Android 15, Huawei
 * HarmonyOS 4.2/Android 12, OnePlus OxygenOS 14, OPPO ColorOS 14, Samsung One UI 6.1, vivo OriginOS 4.
 */
export interface Getprop {
  props: Map<string, Cited<string>>;
  /** Lines that were not part of any property (noise, warnings, a cut-off last value). */
  skippedLines: number;
  /** The output ended inside a multi-line value. */
  truncated: boolean;
}

const START = /^\[([^\]\s]+)\]: \[(.*)$/;
/** A runaway value (a `[` never closed) stops swallowing lines after this many. */
const MAX_VALUE_LINES = 64;

export function parseGetprop(text: string): ParseResult<Getprop> {
  return guard('getprop', () => {
    const failure = commandFailure(text);
    if (failure) return unparsed(`getprop failed: ${failure}`);
    const lines = toLines(text);
    const props = new Map<string, Cited<string>>();
    let skipped = 0;
    let truncated = false;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      const m = START.exec(line.trimEnd());
      if (!m) {
        if (line.trim() !== '') skipped++;
        continue;
      }
      const name = m[1] ?? '';
      const rest = m[2] ?? '';
      if (rest.endsWith(']')) {
        props.set(name, cite(rest.slice(0, -1), line));
        continue;
      }
      const parts = [rest];
      let closed = false;
      let j = i + 1;
      for (; j < lines.length && j - i <= MAX_VALUE_LINES; j++) {
        const next = (lines[j] ?? '').trimEnd();
        if (START.test(next)) break;
        if (next.endsWith(']')) {
          parts.push(next.slice(0, -1));
          closed = true;
          break;
        }
        parts.push(next);
      }
      if (closed) {
        props.set(name, cite(parts.join('\n'), line));
        i = j;
      } else {
        skipped++;
        if (j >= lines.length) truncated = true;
      }
    }
    if (props.size === 0) {
      return unparsed(lines.length === 0 ? 'getprop output is empty' : 'no `[name]: [value]` lines in getprop output');
    }
    return parsed({ props, skippedLines: skipped, truncated });
  });
}

/** The first property among `names` that is set to a non-empty value. */
export function firstProp(props: Map<string, Cited<string>>, names: readonly string[]): (Cited<string> & { name: string }) | null {
  for (const name of names) {
    const p = props.get(name);
    if (p && p.value.trim() !== '') return { ...p, name };
  }
  return null;
}
