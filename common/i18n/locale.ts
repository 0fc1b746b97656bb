/** The languages Push Doctor speaks. English is the fallback for any other locale. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A locale from what the system says: BCP 47 tags from `app.getLocale()` or `Intl` ("zh-CN", "zh-Hans-CN",
 * "zh"), POSIX values from LANG/LC_ALL ("zh_CN.UTF-8", "zh_SG"), or our own `--lang` values. Traditional
 * Chinese (zh-TW, zh-HK, zh-Hant) gets English rather than Simplified characters a reader there did not ask for.
 */
export function resolveLocale(input: string | null | undefined): Locale {
  if (!input) return 'en';
  const tag = input.split('.')[0]!.split('@')[0]!.replace(/_/g, '-').toLowerCase();
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) return 'zh-CN';
  return 'en';
}

/** `--lang` default: LC_ALL overrides LC_MESSAGES overrides LANG (POSIX precedence). */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  return resolveLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
