import { useState } from 'react';
import type { IpcError } from '../../../common/ipc/contract.js';
import { chooseAdb, forgetAdbPath } from '../bridge.js';

/**
 * Lets the engineer point at an adb binary when it is not in the Android SDK or on PATH. The page
 * never types a path: main opens its own file chooser and keeps the file only if it answers as adb.
 */
export function AdbPathForm({ current }: { current: string | null }) {
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <div className="adb-path-form">
      <button type="button" onClick={() => void chooseAdb().then(setError)}>
        Choose adb…
      </button>
      {current && (
        <button type="button" onClick={() => void forgetAdbPath().then(setError)}>
          Search SDK and PATH again
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
