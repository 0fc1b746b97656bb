import { useEffect } from 'react';
import { DeviceSidebar } from './components/device-sidebar.js';
import { FixDialog } from './components/fix-dialog.js';
import { useT } from './i18n.js';
import { useLocale, usePrefsStore, useTheme, useView, type View } from './stores/prefs-store.js';
import { LabView } from './views/lab-view.js';
import { PhoneView } from './views/phone-view.js';
import { SettingsView } from './views/settings-view.js';

const VIEWS: readonly View[] = ['phone', 'lab', 'settings'];

export function App() {
  const t = useT();
  const view = useView();
  const setView = usePrefsStore((s) => s.setView);
  const theme = useTheme();
  const locale = useLocale();

  // "system" leaves the choice to prefers-color-scheme (styles.css); light or dark override it.
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('ui.title');
  }, [locale, t]);

  return (
    <div className="layout">
      <header className="topbar">
        <span className="brand">Push Doctor</span>
        <nav aria-label={t('ui.views')}>
          <ul className="tabs">
            {VIEWS.map((v) => (
              <li key={v}>
                <button type="button" className="tab" data-view={v} aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                  {t(`ui.view.${v}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <DeviceSidebar />
      <main className="main-pane" id="main">
        {view === 'phone' && <PhoneView />}
        {view === 'lab' && <LabView />}
        {view === 'settings' && <SettingsView />}
      </main>
      <FixDialog />
    </div>
  );
}
