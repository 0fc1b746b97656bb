import type { Locale } from './locale.js';

/**
 * Typed message catalogs. English is the source: a message is a string with `{name}` placeholders, and the
 * compiler derives each message's parameters from its text. Every other locale must have exactly the same
 * keys, and each of its messages exactly the same placeholders (`CatalogOf<typeof en>` below), so a missing
 * or extra key, or a renamed parameter, fails `npm run typecheck` rather than showing a raw id to a reader.
 *
 * Plurals: a key ending in `.one` / `.other` (and the other CLDR categories) is chosen by
 * `Intl.PluralRules` from the `count` parameter; Chinese has only `other`, but keeps every key so the
 * catalogs line up.
 */

/** The placeholder names in a message, as a union: "Found {count} phones on {server}" → "count" | "server". */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type CatalogOf<Source extends Record<string, string>> = { readonly [K in keyof Source]: string };

export type ParamsOf<Source extends Record<string, string>, K extends keyof Source> =
  [Placeholders<Source[K]>] extends [never] ? Record<string, never> : { [P in Placeholders<Source[K]>]: string | number };

/**
 * The keys whose translation uses other placeholders than its source (never when all match). A catalog
 * module asserts `const check: PlaceholdersMatch<typeof en, typeof zhCN> = true`, which compiles only when
 * every key's placeholder set matches both ways, and otherwise names the keys that differ.
 */
export type PlaceholderMismatch<Source extends Record<string, string>, Target extends { readonly [K in keyof Source]: string }> = {
  [K in keyof Source]: [Placeholders<Source[K]>] extends [Placeholders<Target[K]>]
    ? [Placeholders<Target[K]>] extends [Placeholders<Source[K]>] ? never : K
    : K;
}[keyof Source];

export type PlaceholdersMatch<Source extends Record<string, string>, Target extends { readonly [K in keyof Source]: string }> =
  [PlaceholderMismatch<Source, Target>] extends [never] ? true : { mismatched: PlaceholderMismatch<Source, Target> };

export type Formatter<Source extends Record<string, string>> = <K extends keyof Source & string>(key: K, ...params: [Placeholders<Source[K]>] extends [never] ? [] : [ParamsOf<Source, K>]) => string;

/**
 * A formatter for one locale: fills placeholders (numbers formatted for the locale) and falls back to the
 * source text for a key a catalog lacks at run time (a report written by a newer version), never to the id.
 */
export function formatter<Source extends Record<string, string>>(
  locale: Locale, catalog: CatalogOf<Source>, source: Source,
): Formatter<Source> {
  const numbers = new Intl.NumberFormat(locale);
  return ((key: string, params?: Record<string, string | number>) => {
    const text = (catalog as Record<string, string>)[key] ?? (source as Record<string, string>)[key] ?? key;
    return fill(text, params ?? {}, numbers);
  }) as Formatter<Source>;
}

function fill(text: string, params: Record<string, string | number>, numbers: Intl.NumberFormat): string {
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** The plural key for a count in a locale: "lab.phones" + 1 → "lab.phones.one" in English, ".other" in Chinese. */
export function pluralKey<Base extends string>(locale: Locale, base: Base, count: number): `${Base}.${Intl.LDMLPluralRule}` {
  return `${base}.${new Intl.PluralRules(locale).select(count)}`;
}

/** The placeholder names a message uses, at run time (for the catalog parity test). */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))].sort();
}
