import { useState } from 'react';
import type { IpcError } from '../../../common/ipc/contract.js';
import { chooseAdb, forgetAdbPath } from '../bridge.js';
import { useT } from '../i18n.js';

/**
 * Lets the engineer point at an adb binary when it is not in the Android SDK or on PATH. The page
 * never types a path: main opens its own file chooser and keeps the file only if it answers as adb.
 */
export function AdbPathForm({ current }: { current: string | null }) {
  const t = useT();
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <div className="adb-path-form">
      <button type="button" onClick={() => void chooseAdb().then(setError)}>
        {t('ui.adb.choose')}
      </button>
      {current && (
        <button type="button" onClick={() => void forgetAdbPath().then(setError)}>
          {t('ui.adb.search-again')}
        </button>
      )}
      {error && (
        <span className="form-error" aria-live="polite">
          {error.message}
          {error.hint && ` ${error.hint}`}
        </span>
      )}
    </div>
  );
}
