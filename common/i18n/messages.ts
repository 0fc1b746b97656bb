import { formatter, pluralKey, type CatalogOf, type Formatter } from './catalog.js';
import type { Locale } from './locale.js';
import { en, type SourceCatalog } from './messages/en.js';
import { zhCN } from './messages/zh-CN.js';

export type { MessageKey, SourceCatalog } from './messages/en.js';

export const CATALOGS: Readonly<Record<Locale, CatalogOf<SourceCatalog>>> = { en, 'zh-CN': zhCN };

const cache = new Map<Locale, Formatter<SourceCatalog>>();

/** The formatter for a locale: `t('report.serial', { serial })`. */
export function translator(locale: Locale): Formatter<SourceCatalog> {
  let t = cache.get(locale);
  if (!t) {
    t = formatter(locale, CATALOGS[locale], en);
    cache.set(locale, t);
  }
  return t;
}

type PluralBase = { [K in keyof SourceCatalog]: K extends `${infer B}.other` ? B : never }[keyof SourceCatalog];

/** A counted message: picks `.one`/`.other` by the locale's plural rules. */
export function plural(locale: Locale, base: PluralBase, count: number): string {
  const key = pluralKey(locale, base, count);
  const t = translator(locale) as (k: string, p: Record<string, number>) => string;
  const known = key in CATALOGS[locale] ? key : `${base}.other`;
  return t(known, { count });
}
