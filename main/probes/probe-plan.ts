import { assertSafePackageName, isSafePackageName } from '../adb/shell-safety.js';
import { ALL_PUSH_SERVICE_PACKAGES } from '../../common/vendors/vendor-table.js';

/**
 * What an audit runs on a phone: one command per probe, so each can run as its own concurrent shell
 * stream and fail on its own. The set is the least that answers checklist sections 0, 1, 5, 6 and
 * `push-token-reported`. Versions of push services come from `dumpsys package X` rather than
 * `pm list packages --show-versioncode`, which Android 8 (SDK 26–27) rejects as an unknown option.
 */
export interface Probe {
  id: string;
  command: string;
  /** Why the audit runs it, for logs and the capture's manifest. */
  purpose: string;
}

export const LOGCAT_LINES = 5000;

/**
 * The probes for a phone, with the app under test when one is named. An unsafe package name throws
 * DevicePortError INVALID_INPUT before anything reaches a shell.
 */
export function probePlan(app: string | null): Probe[] {
  const pkg = app === null ? null : assertSafePackageName(app);
  const plan: Probe[] = [
    { id: 'getprop', command: 'getprop', purpose: 'maker, model, Android and ROM version' },
    { id: 'pm-list-packages', command: 'pm list packages --user 0', purpose: 'installed apps and push services' },
    { id: 'pm-list-packages-disabled', command: 'pm list packages -d --user 0', purpose: 'disabled push services' },
    { id: 'dumpsys-notification', command: 'dumpsys notification --noredact', purpose: 'DND, app and channel notification settings, posted notifications' },
    { id: 'settings-global', command: 'settings list global', purpose: 'zen_mode, low_power, mode_ringer' },
    { id: 'settings-secure', command: 'settings list secure', purpose: 'lock screen notification settings' },
    { id: 'settings-system', command: 'settings list system', purpose: 'notification sound and OEM switches' },
    { id: 'deviceidle-whitelist', command: 'dumpsys deviceidle whitelist', purpose: 'battery optimisation exemptions' },
    { id: 'netpolicy-restrict-background', command: 'cmd netpolicy get restrict-background', purpose: 'Data Saver' },
    { id: 'netpolicy-whitelist', command: 'cmd netpolicy list restrict-background-whitelist', purpose: 'Data Saver exemptions' },
    { id: 'logcat', command: `logcat -d -v threadtime -t ${LOGCAT_LINES}`, purpose: 'push SDK registration lines' },
  ];
  for (const service of ALL_PUSH_SERVICE_PACKAGES) {
    plan.push({ id: `dumpsys-package:${assertSafePackageName(service)}`, command: `dumpsys package ${service}`, purpose: 'push service version and state' });
  }
  if (pkg !== null) {
    plan.push(
      { id: 'dumpsys-package-app', command: `dumpsys package ${pkg}`, purpose: 'app version, stopped state, permissions' },
      { id: 'standby-bucket', command: `am get-standby-bucket ${pkg}`, purpose: 'app standby bucket' },
      { id: 'appops-app', command: `cmd appops get ${pkg}`, purpose: 'background restriction, MIUI autostart' },
      { id: 'app-hibernation', command: `cmd app_hibernation get-state ${pkg}`, purpose: 'app hibernation (Android 12+)' },
    );
  }
  return plan;
}

/** The command a probe id stands for, so captures and callers may key outputs by id or by command. */
export function commandForProbeId(id: string, app: string | null): string | null {
  if (id.startsWith('dumpsys-package:')) {
    const pkg = id.slice('dumpsys-package:'.length);
    return isSafePackageName(pkg) ? `dumpsys package ${pkg}` : null;
  }
  const appSafe = app !== null && isSafePackageName(app) ? app : null;
  return probePlan(appSafe).find((probe) => probe.id === id)?.command ?? null;
}
