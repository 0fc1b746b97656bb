import { describe, expect, it } from 'vitest';
import { ROM_NAMES, type RomName } from '../domain/facts.js';
import {
  APP_PLACEHOLDER, LABEL_LOCALES, LOCALE_GAPS, ROM_LABELS, ROM_LOCALES, ROM_SCREENS, labelCoverage, romLabels,
  type LabelLocale, type ScreenLabel,
} from './rom-labels.js';

interface Entry { rom: string; screen: string; locale: string; label: ScreenLabel }

/** Walks the table through Object.entries so keys outside the closed sets are seen, not filtered by the types. */
function entries(): Entry[] {
  const out: Entry[] = [];
  for (const [rom, screens] of Object.entries(ROM_LABELS)) {
    for (const [screen, byLocale] of Object.entries(screens ?? {})) {
      for (const [locale, labels] of Object.entries(byLocale ?? {})) {
        for (const label of labels ?? []) out.push({ rom, screen, locale, label });
      }
    }
  }
  return out;
}

const where = (e: Entry) => `${e.rom} › ${e.screen} › ${e.locale} › ${e.label.path.join(' → ')}`;

describe('ROM settings labels', () => {
  it('has labels to check', () => {
    expect(entries().length).toBeGreaterThan(40);
  });

  it('keys every ROM, screen and locale from the closed sets', () => {
    for (const rom of Object.keys(ROM_LABELS)) expect(ROM_NAMES, rom).toContain(rom);
    for (const e of entries()) {
      expect(ROM_SCREENS, where(e)).toContain(e.screen);
      expect(LABEL_LOCALES, where(e)).toContain(e.locale);
    }
  });

  it('gives every label a non-empty path and a source with a URL and a quote', () => {
    for (const e of entries()) {
      const { path, source } = e.label;
      expect(path.length, where(e)).toBeGreaterThan(0);
      for (const step of path) expect(step.trim(), where(e)).not.toBe('');
      // An http(s) page, or one of the project's shared seeds cited by relative path.
      expect(source.url, where(e)).toMatch(/^(https:\/\/\S+|\.\.\/shared\/\S+)$/);
      expect(source.quote.trim().length, where(e)).toBeGreaterThan(10);
      if (e.label.versions !== undefined) expect(e.label.versions.trim(), where(e)).not.toBe('');
    }
  });

  it('reads every tap of a path from its quote', () => {
    // The path must be the source's words, not a paraphrase: each step (but the app placeholder) occurs in the
    // quote. "Phone settings" / "手机设置" contain "settings" / "设置", so that normalisation still passes.
    for (const e of entries()) {
      const quote = e.label.source.quote.toLowerCase();
      for (const step of e.label.path) {
        if (step === APP_PLACEHOLDER) continue;
        expect(quote, `${where(e)}: "${step}" is not in the quote`).toContain(step.toLowerCase());
      }
    }
  });

  it('writes Chinese labels in Chinese and English labels without Chinese', () => {
    const han = /\p{Script=Han}/u;
    for (const e of entries()) {
      const steps = e.label.path.filter((s) => s !== APP_PLACEHOLDER);
      if (e.locale === 'zh-CN') expect(steps.some((s) => han.test(s)), where(e)).toBe(true);
      else expect(steps.some((s) => han.test(s)), where(e)).toBe(false);
    }
  });

  it('covers every language a ROM ships in wherever it has any label, but for the listed gaps', () => {
    for (const rom of ROM_NAMES) {
      const screens = ROM_LABELS[rom];
      if (!screens) {
        expect(LOCALE_GAPS[rom], `${rom} has no labels, so it has no gap to list`).toBeUndefined();
        continue;
      }
      const present = new Set<LabelLocale>(
        ROM_SCREENS.flatMap((s) => LABEL_LOCALES.filter((l) => (screens[s]?.[l]?.length ?? 0) > 0)),
      );
      for (const locale of present) expect(ROM_LOCALES[rom], `${rom} has ${locale} labels it does not ship`).toContain(locale);
      for (const locale of ROM_LOCALES[rom]) {
        const gap = LOCALE_GAPS[rom]?.[locale];
        if (present.has(locale)) expect(gap, `${rom} ${locale} is filled: drop it from LOCALE_GAPS`).toBeUndefined();
        else expect(gap, `${rom} has labels but none in ${locale}`).toEqual(expect.stringMatching(/\S/));
      }
    }
  });

  it('keeps the gaps few: only ROMs whose other language the searchable sources did not cover', () => {
    expect(Object.keys(LOCALE_GAPS).sort()).toEqual(['MagicOS', 'One UI']);
  });

  it('answers look-ups, with an empty list where nothing was sourced', () => {
    expect(romLabels('EMUI', 'lockScreenNotifications', 'zh-CN')[0]?.path).toEqual(['设置', '通知', '锁屏通知']);
    expect(romLabels('MIUI', 'autostart', 'en')[0]?.versions).toBe('MIUI 14');
    expect(romLabels('MagicOS', 'autostart', 'zh-CN')).toEqual([]);
    expect(romLabels('OxygenOS', 'doNotDisturb', 'en')).toEqual([]);
  });

  it('keeps renamed screens as separate entries with their versions', () => {
    const miui = romLabels('MIUI', 'autostart', 'en');
    expect(miui.map((l) => l.path.at(-1))).toEqual(expect.arrayContaining(['Background autostart', 'Auto-start']));
    const emui = romLabels('EMUI', 'backgroundRunning', 'en').map((l) => l.path.join(' → '));
    expect(emui).toEqual(expect.arrayContaining(['Phone Manager → Protected apps']));
  });

  it('reports coverage for every ROM × screen × shipped locale', () => {
    const roms: RomName[] = [...ROM_NAMES];
    const rows = labelCoverage(roms);
    const expected = roms.reduce((n, r) => n + ROM_LOCALES[r].length * ROM_SCREENS.length, 0);
    expect(rows).toHaveLength(expected);
    expect(rows.find((r) => r.rom === 'HarmonyOS' && r.locale === 'en')).toBeUndefined();
    expect(rows.find((r) => r.rom === 'EMUI' && r.screen === 'statusBarIcons' && r.locale === 'zh-CN')?.labels).toBe(1);
    expect(rows.filter((r) => r.rom === 'Flyme').every((r) => r.labels === 0)).toBe(true);
  });
});
