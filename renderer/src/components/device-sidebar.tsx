import { memo } from 'react';
import { refKey } from '../../../common/domain/device.js';
import type { DeviceListItem } from '../../../common/ipc/contract.js';
import { STATE_BADGES, channelName, channelOf, identityLine, stateAction } from '../device-states.js';
import { useT } from '../i18n.js';
import { useAuditStore, useReport } from '../stores/audit-store.js';
import { useDeviceListError, useDeviceStore, useDevices, useLostDevices, useSelectedKey, useServerErrors } from '../stores/device-store.js';
import { useLocale, usePrefsStore } from '../stores/prefs-store.js';
import { AdbStatus } from './adb-status.js';

export function DeviceSidebar() {
  const t = useT();
  const devices = useDevices();
  const lostDevices = useLostDevices();
  const selected = useSelectedKey();
  const listError = useDeviceListError();
  const serverErrors = useServerErrors();
  // Only which lost phones were audited matters here: a string, so audit progress does not re-render the list.
  const auditedLost = useAuditStore((s) => Object.keys(lostDevices).filter((key) => s.runs[key]).join('\n'));
  // A phone that left keeps its place while it was selected or audited, unless it is back under a new transport id.
  const listed = new Set(devices.map((d) => `${d.serial}@${d.server}`));
  const audited = new Set(auditedLost.split('\n'));
  const lost = Object.entries(lostDevices)
    .filter(([key, d]) => (key === selected || audited.has(key)) && !listed.has(`${d.serial}@${d.server}`))
    .map(([, d]) => d);

  return (
    <nav className="sidebar" aria-label={t('ui.phones')}>
      <h2 className="sidebar-title">{t('ui.phones')}</h2>
      {listError && (
        <div className="notice notice-error" role="alert">
          <strong>{listError.message}</strong>
          {listError.hint && <p>{listError.hint}</p>}
        </div>
      )}
      {Object.entries(serverErrors).map(([server, error]) => (
        <div key={server} className="notice notice-warning" role="status">
          {t('ui.server-error', { server })} {error.message}
        </div>
      ))}
      {devices.length === 0 && lost.length === 0 && !listError && <p className="muted">{t('ui.no-phones')}</p>}
      <ul className="device-list">
        {[...devices, ...lost].map((device) => (
          <DeviceRow key={refKey(device)} device={device} selected={refKey(device) === selected} />
        ))}
      </ul>
      <AdbStatus />
    </nav>
  );
}

const DeviceRow = memo(function DeviceRow({ device, selected }: { device: DeviceListItem; selected: boolean }) {
  const t = useT();
  const locale = useLocale();
  const key = refKey(device);
  const report = useReport(key);
  const select = useDeviceStore((s) => s.select);
  const setView = usePrefsStore((s) => s.setView);
  const badge = STATE_BADGES[device.state];
  const action = stateAction(device.state, locale);
  const identity = identityLine(device);
  const { channel, fromAudit } = channelOf(device, report);
  return (
    <li>
      <button
        type="button"
        className={`device${selected ? ' device-selected' : ''}`}
        aria-pressed={selected}
        data-serial={device.serial}
        onClick={() => {
          select(key);
          setView('phone');
        }}
      >
        <span className="device-serial">{device.serial}</span>
        <span className={`badge badge-${device.state}`}>{t(badge.label)}</span>
        {identity && <span className="device-identity">{identity}</span>}
        {channel && (
          <span className="device-channel">
            {fromAudit ? t('ui.channel', { channel: channelName(channel) }) : t('ui.channel-by-brand', { channel: channelName(channel) })}
          </span>
        )}
        <span className="device-server">{t('ui.on-server', { server: device.server })}</span>
        {action && <span className="device-action">{action}</span>}
      </button>
    </li>
  );
});
