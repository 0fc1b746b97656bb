import { useEffect, useId } from 'react';
import { refKey } from '../../../common/domain/device.js';
import type { DeviceListItem } from '../../../common/ipc/contract.js';
import { loadPackages } from '../bridge.js';
import { usePlural, useT } from '../i18n.js';
import { usePackages } from '../stores/packages-store.js';

/**
 * The app under test: typed, or picked from the phone's third-party packages (`pm list packages -3`). A
 * datalist is the native searchable picker: typing filters it, arrows and Enter pick, and any other
 * package can still be typed (a system app, or one not installed yet).
 */
export function AppPicker({ device, value, onChange }: { device: DeviceListItem; value: string; onChange(app: string): void }) {
  const t = useT();
  const plural = usePlural();
  const listId = useId();
  const key = refKey(device);
  const list = usePackages(key);
  const ready = device.state === 'device';

  useEffect(() => {
    if (ready) void loadPackages(device);
    // The device object changes on every listing; its key and state are what matter here.
  }, [key, ready]);

  const installed = list?.packages ?? [];
  const known = value.trim() === '' || installed.includes(value.trim());
  return (
    <div className="app-picker">
      <label htmlFor={`${listId}-input`}>{t('ui.app.label')}</label>
      <input
        id={`${listId}-input`}
        name="app"
        list={installed.length > 0 ? `${listId}-list` : undefined}
        value={value}
        placeholder={t('ui.app.placeholder', { example: 'com.example.im' })}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${listId}-help`}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={`${listId}-list`}>
        {installed.map((p) => <option key={p} value={p} />)}
      </datalist>
      <span id={`${listId}-help`} className="field-help">
        {list?.status === 'loading' && t('ui.app.loading')}
        {list?.status === 'failed' && `${t('ui.app.failed')} ${list.error?.message ?? ''}`}
        {list?.status === 'done' && (known ? plural('ui.app.count', installed.length) : t('ui.app.not-installed'))}
      </span>
    </div>
  );
}
