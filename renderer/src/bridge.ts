import { toRef, type DeviceRef } from '../../common/domain/device.js';
import type { IpcError, PushDoctorApi } from '../../common/ipc/contract.js';
import { useAppStore } from './stores/app-store.js';
import { useAuditStore } from './stores/audit-store.js';
import { useDeviceStore } from './stores/device-store.js';

/**
 * Connects the stores to the preload API. Called once from main.tsx (tests call it with a fake),
 * never at import time, so no module reaches for `window.pushDoctor` on its own.
 */

let current: PushDoctorApi | null = null;

export function api(): PushDoctorApi {
  if (!current) throw new Error('startBridge() has not been called');
  return current;
}

export async function refreshDevices(): Promise<void> {
  const result = await api().listDevices();
  if (result.ok) useDeviceStore.getState().setDevices(result.value);
  else useDeviceStore.getState().setListError(result.error);
}

export async function runAudit(device: DeviceRef, appPackage: string): Promise<void> {
  const ref = toRef(device);
  const audits = useAuditStore.getState();
  audits.started(ref);
  const trimmed = appPackage.trim();
  const result = await api().runAudit(trimmed ? { ref, app: trimmed } : { ref });
  audits.finished(ref, result.ok ? { report: result.value } : { error: result.error });
}

export async function refreshAppInfo(): Promise<void> {
  const result = await api().appInfo();
  if (result.ok) useAppStore.getState().setInfo(result.value);
}

/**
 * Asks main to open its adb file chooser; main checks the file answers as adb before saving it.
 * Returns the refusal, if any (null also when the engineer closed the chooser).
 */
export async function chooseAdb(): Promise<IpcError | null> {
  const result = await api().chooseAdb();
  if (!result.ok) return result.error;
  if (result.value.chosen) await adbChanged();
  return null;
}

/** Forgets the chosen adb, so main searches the Android SDK and PATH again. */
export async function forgetAdbPath(): Promise<IpcError | null> {
  const result = await api().setSettings({ adbPath: null });
  if (!result.ok) return result.error;
  await adbChanged();
  return null;
}

async function adbChanged(): Promise<void> {
  await refreshAppInfo();
  void refreshDevices();
}

/** Subscribes to the bridge's events and loads the device list; returns a function that undoes it. */
export function startBridge(bridge: PushDoctorApi): () => void {
  current = bridge;
  const offDevice = bridge.onDeviceEvent((event) => {
    useDeviceStore.getState().applyEvent(event);
    // Tracker events carry only the state; re-listing brings the identity and catches missed changes.
    if (event.type !== 'server-error') void refreshDevices();
  });
  const offProgress = bridge.onAuditProgress((progress) => useAuditStore.getState().progressed(progress));
  void refreshDevices();
  void refreshAppInfo();
  return () => {
    offDevice();
    offProgress();
    if (current === bridge) current = null;
  };
}
