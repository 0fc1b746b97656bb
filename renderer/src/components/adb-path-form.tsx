import { useState } from 'react';
import type { IpcError } from '../../../common/ipc/contract.js';
import { saveAdbPath } from '../bridge.js';

/** Lets the engineer point at an adb binary when it is not in the Android SDK or on PATH. */
export function AdbPathForm({ current }: { current: string | null }) {
  const [value, setValue] = useState(current ?? '');
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <form
      className="adb-path-form"
      onSubmit={(e) => {
        e.preventDefault();
        void saveAdbPath(value.trim() || null).then(setError);
      }}
    >
      <label>
        adb path
        <input name="adbPath" value={value} placeholder="/path/to/platform-tools/adb" spellCheck={false} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit">Save</button>
      {error && <span className="form-error">{error.message}</span>}
    </form>
  );
}
