import { useT } from '../i18n.js';
import { useAdbLocation, useAppVersion } from '../stores/app-store.js';
import { AdbPathForm } from './adb-path-form.js';

/** Where adb was found, or what to install: the first thing to fix when no phone shows up. */
export function AdbStatus() {
  const t = useT();
  const adb = useAdbLocation();
  const version = useAppVersion();
  if (!adb) return null;
  return (
    <footer className="adb-status">
      {adb.found ? (
        <span className="muted">adb: {adb.path}</span>
      ) : (
        <div className="notice notice-error" role="alert">
          {adb.message}
        </div>
      )}
      <details open={!adb.found}>
        <summary>{t('ui.adb.choose-title')}</summary>
        <AdbPathForm current={adb.source === 'settings' ? adb.path : null} />
      </details>
      {version && <span className="muted">Push Doctor {version}</span>}
    </footer>
  );
}
