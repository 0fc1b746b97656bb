import { describe, expect, it } from 'vitest';
import type { CatalogOf, PlaceholdersMatch } from './catalog.js';
import { placeholdersOf } from './catalog.js';
import { localeFromEnv, resolveLocale } from './locale.js';
import { CATALOGS, plural, translator } from './messages.js';
import { en } from './messages/en.js';
import { englishLeft } from '../../test/i18n/english-left.js';

describe('message catalogs', () => {
  it('have the same keys and the same placeholders in every locale', () => {
    const source = Object.keys(en).sort();
    for (const [locale, catalog] of Object.entries(CATALOGS)) {
      expect(Object.keys(catalog).sort(), locale).toEqual(source);
      for (const key of source) {
        expect(placeholdersOf((catalog as Record<string, string>)[key]!), `${locale} ${key}`).toEqual(placeholdersOf((en as Record<string, string>)[key]!));
      }
    }
  });

  it('leaves no English sentence in the Chinese catalog', () => {
    // `untranslated` is the marked fallback for rules not yet converted ('{text}' in both catalogs).
    const left = Object.entries(CATALOGS['zh-CN']).flatMap(([key, text]) => englishLeft(text, 2).map((e) => `${key}: ${e.run}`));
    expect(left).toEqual([]);
  });

  it('the English checker finds English and lets evidence, identifiers and proper names through', () => {
    expect(englishLeft('打开 设置 → 应用 → com.example.im：允许 OPPO 推送（OPPOChannelID "tuikit"）。')).toEqual([]);
    expect(englishLeft('FCM 会丢弃 `GCM-DMM result=CANCELLED` 的消息，「Settings → Battery」。')).toEqual([]);
    expect(englishLeft('请 turn notifications on 该应用').map((e) => e.run)).toEqual(['turn notifications on']);
    expect(englishLeft('无法读取：not printed').length).toBe(1);
  });

  it('fills placeholders, numbers formatted for the locale', () => {
    expect(translator('en')('report.ms', { ms: 1234 })).toBe('1,234 ms');
    expect(translator('zh-CN')('report.serial', { serial: 'R58M' })).toBe('序列号 R58M');
  });

  it('picks plural forms by the locale\'s rules', () => {
    expect(plural('en', 'report.phones', 1)).toBe('1 phone');
    expect(plural('en', 'report.phones', 3)).toBe('3 phones');
    expect(plural('zh-CN', 'report.phones', 1)).toBe('1 台手机');
  });
});

describe('catalog types', () => {
  it('reject a missing key, an extra key and a renamed placeholder at compile time', () => {
    type Source = { readonly a: 'Hello {name}'; readonly b: 'Bye' };
    // @ts-expect-error a key is missing
    const missing: CatalogOf<Source> = { a: 'x {name}' };
    // @ts-expect-error an extra key
    const extra = { a: 'x {name}', b: 'y', c: 'z' } as const satisfies CatalogOf<Source>;
    type Renamed = { readonly a: 'x {nom}'; readonly b: 'y' };
    // @ts-expect-error the placeholder was renamed
    const check: PlaceholdersMatch<Source, Renamed> = true;
    type Good = { readonly a: '你好 {name}'; readonly b: '再见' };
    const ok: PlaceholdersMatch<Source, Good> = true;
    expect([missing, extra, check, ok]).toHaveLength(4);
  });
});

describe('resolveLocale', () => {
  it('reads BCP 47 tags, POSIX locales and our own --lang values', () => {
    expect(resolveLocale('zh-CN')).toBe('zh-CN');
    expect(resolveLocale('zh_CN.UTF-8')).toBe('zh-CN');
    expect(resolveLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLocale('zh')).toBe('zh-CN');
    expect(resolveLocale('zh_TW.UTF-8')).toBe('en');
    expect(resolveLocale('en_US.UTF-8')).toBe('en');
    expect(resolveLocale('C')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
    expect(localeFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
  });
});
