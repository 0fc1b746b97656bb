import type { Msg, MsgParam, SettingRef } from '../domain/findings.js';
import type { RomName } from '../domain/facts.js';
import type { RomScreen } from '../vendors/rom-labels.js';
import type { Placeholders } from './catalog.js';
import type { MessageKey, SourceCatalog } from './messages.js';

export type MsgParams<K extends MessageKey> = { readonly [P in Placeholders<SourceCatalog[K]>]: MsgParam };

/**
 * A message for later rendering: the compiler checks the key exists in the source catalog and that the
 * parameters are exactly its placeholders, as `translator()` does for text rendered at once.
 */
export function msg<K extends MessageKey>(key: K, ...params: [Placeholders<SourceCatalog[K]>] extends [never] ? [] : [MsgParams<K>]): Msg {
  const p = params[0] as Readonly<Record<string, MsgParam>> | undefined;
  return p ? { key, params: p } : { key };
}

/** The path of taps to a settings screen on this phone's ROM, rendered per locale from rom-labels.ts. */
export function setting(screen: RomScreen, rom: RomName | null, app: string | null): SettingRef {
  return { setting: screen, rom, app };
}

export function isMsg(p: MsgParam): p is Msg {
  return typeof p === 'object' && 'key' in p;
}

type PluralBase = { [K in MessageKey]: K extends `${infer B}.other` ? B : never }[MessageKey];

/**
 * A counted message: the renderer picks `<base>.one` / `.other` by the reader's plural rules
 * (Intl.PluralRules), so the choice is made per locale at render time, not by the rule.
 */
export function pluralMsg<B extends PluralBase>(base: B, count: number, params: MsgParams<`${B}.other` & MessageKey>): Msg {
  return { key: base, params: { ...params, count } };
}

/** Items of one sentence ("a; b; c"), joined in the reader's language (`word.list`); null for none. */
export function listMsg(items: readonly MsgParam[]): MsgParam | null {
  if (items.length === 0) return null;
  return items.slice(0, -1).reduceRight<MsgParam>((tail, head) => msg('word.list', { head, tail }), items[items.length - 1]!);
}
