import { STATE_BADGES, identityLine } from '../device-states.js';
import { AdbStatus } from './adb-status.js';
import { useDeviceListError, useDeviceStore, useDevices, useSelectedKey, useServerErrors } from '../stores/device-store.js';
import { refKey } from '../../../common/domain/device.js';

export function DeviceSidebar() {
  const devices = useDevices();
  const selected = useSelectedKey();
  const listError = useDeviceListError();
  const serverErrors = useServerErrors();
  const select = useDeviceStore((s) => s.select);

  return (
    <nav className="sidebar" aria-label="Phones">
      <h2 className="sidebar-title">Phones</h2>
      {listError && (
        <div className="notice notice-error" role="alert">
          <strong>{listError.message}</strong>
          {listError.hint && <p>{listError.hint}</p>}
        </div>
      )}
      {Object.entries(serverErrors).map(([server, error]) => (
        <div key={server} className="notice notice-warning" role="status">
          adb server {server}: {error.message}
        </div>
      ))}
      {devices.length === 0 && !listError && (
        <p className="muted">No phone connected. Plug one in with USB debugging on.</p>
      )}
      <ul className="device-list">
        {devices.map((device) => {
          const badge = STATE_BADGES[device.state];
          const identity = identityLine(device);
          return (
            <li key={refKey(device)}>
              <button
                type="button"
                className={`device${refKey(device) === selected ? ' device-selected' : ''}`}
                aria-pressed={refKey(device) === selected}
                data-serial={device.serial}
                onClick={() => select(refKey(device))}
              >
                <span className="device-serial">{device.serial}</span>
                <span className={`badge badge-${device.state}`}>{badge.label}</span>
                {identity && <span className="device-identity">{identity}</span>}
                {badge.action && <span className="device-action">{badge.action}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <AdbStatus />
    </nav>
  );
}
