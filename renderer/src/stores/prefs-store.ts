import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { resolveLocale, type Locale } from '../../../common/i18n/locale.js';
import type { Settings } from '../../../common/ipc/contract.js';

export type View = 'phone' | 'lab' | 'settings';

/**
 * The engineer's UI preferences: theme, language, the open view and the app under test per phone. Kept in
 * localStorage so the page opens as it was left, before main has answered; nothing here is sensitive.
 * Main keeps theme and language too (Settings), so reports and the CLI speak the same language.
 */
interface PrefsState {
  theme: Settings['theme'];
  locale: Settings['locale'];
  view: View;
  /** App under test by phone (`phoneKey`): a phone keeps its app across re-plugs, which change the transport id. */
  apps: Record<string, string>;
  /** The checklist shows only the steps that need attention (failed, at risk, unknown, to ask). */
  onlyAttention: boolean;
  setOnlyAttention(on: boolean): void;
  setTheme(theme: Settings['theme']): void;
  setLocale(locale: Settings['locale']): void;
  setView(view: View): void;
  setApp(phone: string, app: string): void;
}

export const usePrefsStore = create<PrefsState>()(persist((set) => ({
  theme: 'system',
  locale: 'system',
  view: 'phone',
  apps: {},
  onlyAttention: false,
  setOnlyAttention: (onlyAttention) => set({ onlyAttention }),
  setTheme: (theme) => set({ theme }),
  setLocale: (locale) => set({ locale }),
  setView: (view) => set({ view }),
  setApp: (phone, app) => set((s) => ({ apps: { ...s.apps, [phone]: app } })),
}), {
  name: 'push-doctor:prefs',
  storage: createJSONStorage(() => localStorage),
}));

/** The key a phone's remembered app is stored under: serial and server, not the transport id adb renews on re-plug. */
export const phoneKey = (ref: { serial: string; server: string }): string => `${ref.serial}@${ref.server}`;

export const useTheme = (): Settings['theme'] => usePrefsStore((s) => s.theme);
export const useView = (): View => usePrefsStore((s) => s.view);
export const useAppFor = (phone: string | null): string => usePrefsStore((s) => (phone ? s.apps[phone] ?? '' : ''));

/** The language the page speaks: the chosen one, or the browser's when "system". */
export function effectiveLocale(choice: Settings['locale'], browser: readonly string[] = navigator.languages): Locale {
  if (choice !== 'system') return choice;
  return resolveLocale(browser[0] ?? navigator.language);
}
export const useLocale = (): Locale => usePrefsStore((s) => effectiveLocale(s.locale));
