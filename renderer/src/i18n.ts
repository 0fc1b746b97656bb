import { plural as pluralOf, translator } from '../../common/i18n/messages.js';
import { useLocale } from './stores/prefs-store.js';

/** The formatter for the page's language; re-renders the caller when the language changes. */
export function useT() {
  return translator(useLocale());
}

/** A counted message in the page's language. */
export function usePlural() {
  const locale = useLocale();
  return (base: Parameters<typeof pluralOf>[1], count: number): string => pluralOf(locale, base, count);
}
