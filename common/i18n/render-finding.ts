import type { Finding, Msg, MsgParam, SettingRef } from '../domain/findings.js';
import type { DeviceError, Report } from '../domain/report.js';
import { APP_PLACEHOLDER, ROM_LOCALES, ROM_SCREENS, romLabels, type RomScreen } from '../vendors/rom-labels.js';
import type { Locale } from './locale.js';
import { CATALOGS } from './messages.js';
import { en } from './messages/en.js';
import { isMsg } from './msg.js';

const numberFormats = new Map<Locale, Intl.NumberFormat>();

/**
 * A message in a locale: the locale's text, else English (a key this catalog lacks), else the message's own
 * fallback, never the bare id. Nested messages render in the same locale; strings and numbers are the phone's
 * or the vendors' own words and stay as they are.
 */
export function renderMsg(locale: Locale, m: Msg): string {
  const params = m.params ?? {};
  const text = lookup(locale, m.key) ?? lookup(locale, pluralKeyOf(locale, m.key, params.count)) ?? m.fallback ?? m.key;
  let numbers = numberFormats.get(locale);
  if (!numbers) {
    numbers = new Intl.NumberFormat(locale);
    numberFormats.set(locale, numbers);
  }
  const fmt = numbers;
  return text.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : renderParam(locale, value, fmt);
  });
}

function lookup(locale: Locale, key: string | null): string | undefined {
  if (key === null) return undefined;
  return (CATALOGS[locale] as Record<string, string>)[key] ?? (en as Record<string, string>)[key];
}

/** `<base>.one` / `.other` for a counted message (msg.ts pluralMsg), by the locale's plural rules. */
function pluralKeyOf(locale: Locale, base: string, count: MsgParam | undefined): string | null {
  if (typeof count !== 'number') return null;
  const key = `${base}.${new Intl.PluralRules(locale).select(count)}`;
  return lookup(locale, key) !== undefined ? key : `${base}.other`;
}

function renderParam(locale: Locale, value: MsgParam, numbers: Intl.NumberFormat): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numbers.format(value);
  if (isMsg(value)) return renderMsg(locale, value);
  return renderSetting(locale, value);
}

const isScreen = (s: string): s is RomScreen => (ROM_SCREENS as readonly string[]).includes(s);

/**
 * The taps to a screen as the phone's ROM labels them: the ROM's labels in the reader's language when the
 * ROM ships in it; the ROM's own language when it does not (an English-only global ROM shows English, quoted
 * 「…」 in a Chinese report as the phone's words); else stock-Android wording from the catalog
 * (`setting.<screen>`), never a guessed vendor label.
 */
export function renderSetting(locale: Locale, ref: SettingRef): string {
  const app = ref.app ?? renderMsg(locale, { key: 'setting.the-app' });
  if (ref.rom !== null && isScreen(ref.setting)) {
    const own = romLabels(ref.rom, ref.setting, locale)[0];
    if (own) return joinPath(own.path, app);
    const shipped = ROM_LOCALES[ref.rom];
    if (!shipped.includes(locale)) {
      for (const other of shipped) {
        const label = romLabels(ref.rom, ref.setting, other)[0];
        if (label) return locale === 'zh-CN' ? `「${joinPath(label.path, app)}」` : joinPath(label.path, app);
      }
    }
  }
  return renderMsg(locale, { key: `setting.${ref.setting}`, params: { app } });
}

function joinPath(path: readonly string[], app: string): string {
  return path.map((step) => (step === APP_PLACEHOLDER ? app : step)).join(' → ');
}

/** The finding's texts in a locale, from its message; a finding without one (an old report) stays as written. */
export function localizeFinding(f: Finding, locale: Locale): Finding {
  // A finding from a stage that emits no messages yet still gets its checklist title in the reader's language.
  if (!f.message) return { ...f, title: renderMsg(locale, { key: `check.${f.id}.title`, fallback: f.title }) };
  const out: Finding = {
    ...f,
    title: renderMsg(locale, f.message.title),
    detail: renderMsg(locale, f.message.detail),
    remedy: f.severity === 'ok' || !f.message.remedy ? '' : renderMsg(locale, f.message.remedy),
  };
  return out;
}

/** A device error's message and what to do about it, in a locale, where it carries its message ids. */
export function localizeError(e: DeviceError, locale: Locale): DeviceError {
  if (!e.text) return e;
  const message = renderMsg(locale, e.text.message);
  const hint = e.text.hint ? renderMsg(locale, e.text.hint) : null;
  return { ...e, message: hint === null ? message : `${message}${locale === 'zh-CN' ? '。' : '. '}${hint}` };
}

/** Every finding of the report rendered in `locale`, and the report marked with it. */
export function localizeReport(report: Report, locale: Locale): Report {
  return {
    ...report,
    lang: locale,
    devices: report.devices.map((d) => ({
      ...d,
      findings: d.findings.map((f) => localizeFinding(f, locale)),
      errors: d.errors.map((e) => localizeError(e, locale)),
    })),
  };
}
