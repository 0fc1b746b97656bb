import type { Locale } from './locale.js';

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A timestamp for readers, in UTC so a report reads the same wherever it is opened ("Dec 2, 2026, 13:05:09 UTC",
 * "2026年12月2日 UTC 13:05:09"). Text that is not a date is returned as it is, never replaced by a guess.
 */
export function formatTime(locale: Locale, iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
      hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short',
    });
    dateFormats.set(locale, f);
  }
  return f.format(new Date(ms));
}

/** A latency or duration: milliseconds below a second, seconds with one decimal below a minute, then minutes. */
export function formatDuration(locale: Locale, ms: number): string {
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short' }).format(Math.round(ms));
  if (ms < 60_000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 60_000);
}
