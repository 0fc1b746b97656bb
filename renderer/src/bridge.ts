import { refKey, toRef, type DeviceRef } from '../../common/domain/device.js';
import type { ManualAnswer } from '../../common/domain/report.js';
import type { AuditProgress, ExportFormat, ExportResult, FixRequest, IpcError, PushDoctorApi, PushMessageFields, PushSendRequest, Settings, SettingsPatch } from '../../common/ipc/contract.js';
import { usePushStore } from './stores/push-store.js';
import type { Locale } from '../../common/i18n/locale.js';
import { useAppStore } from './stores/app-store.js';
import { useAuditStore } from './stores/audit-store.js';
import { useDeviceStore } from './stores/device-store.js';
import { fixKey, useFixStore } from './stores/fix-store.js';
import { useLabStore } from './stores/lab-store.js';
import { usePackagesStore } from './stores/packages-store.js';
import { phoneKey, usePrefsStore } from './stores/prefs-store.js';
import { useSettingsStore } from './stores/settings-store.js';

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
  const trimmed = appPackage.trim();
  audits.started(ref, trimmed || null);
  const result = await api().runAudit(trimmed ? { ref, app: trimmed } : { ref });
  flushProgress();
  audits.finished(ref, result.ok ? { report: result.value } : { error: result.error });
}

/** An audit the engineer started from the phone view: its app becomes the phone's remembered app. */
export async function auditPhone(device: DeviceRef, appPackage: string): Promise<void> {
  const trimmed = appPackage.trim();
  if (trimmed && usePrefsStore.getState().apps[phoneKey(device)] !== trimmed) usePrefsStore.getState().setApp(phoneKey(device), trimmed);
  await runAudit(device, trimmed);
}

/** The phone's third-party packages for the app picker, read once per phone (and again on request). */
export async function loadPackages(device: DeviceRef, again = false): Promise<void> {
  const key = refKey(device);
  const store = usePackagesStore.getState();
  const known = store.lists[key];
  if (known && !again && known.status !== 'failed') return;
  store.set(key, { status: 'loading', packages: known?.packages ?? [], error: null });
  const result = await api().listPackages({ ref: toRef(device) });
  usePackagesStore.getState().set(key, result.ok
    ? { status: 'done', packages: result.value, error: null }
    : { status: 'failed', packages: [], error: result.error });
}

/**
 * Audits every listed phone that is ready, each with its remembered app (or `app` when it has none), a few at a
 * time so the page stays responsive and the bridge's in-flight limit is never reached.
 */
export async function auditAll(app: string, concurrency = 8): Promise<void> {
  const lab = useLabStore.getState();
  if (lab.auditAll) return;
  const apps = usePrefsStore.getState().apps;
  const ready = useDeviceStore.getState().devices.filter((d) => d.state === 'device');
  let done = 0;
  lab.setAuditAll({ done, total: ready.length });
  const queue = [...ready];
  const worker = async (): Promise<void> => {
    for (let device = queue.shift(); device; device = queue.shift()) {
      await runAudit(device, apps[phoneKey(device)] || app);
      done += 1;
      useLabStore.getState().setAuditAll({ done, total: ready.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, ready.length) }, worker));
  useLabStore.getState().setAuditAll(null);
}

/** Fetches what a fix would run and opens the confirmation with it. */
export async function planFix(request: FixRequest): Promise<void> {
  const key = fixKey(refKey(request.ref), request.finding);
  const fixes = useFixStore.getState();
  fixes.update(key, { phase: 'planning', plan: null, outcome: null, error: null });
  const result = await api().planFix({ ...request, ref: toRef(request.ref) });
  useFixStore.getState().update(key, result.ok ? { phase: 'confirm', plan: result.value } : { phase: 'failed', error: result.error });
}

/** Runs a confirmed fix; main re-checks the probes it needs and answers with the phone's updated report. */
export async function applyFix(request: FixRequest): Promise<void> {
  const ref = toRef(request.ref);
  const key = fixKey(refKey(ref), request.finding);
  useFixStore.getState().update(key, { phase: 'running', error: null });
  const result = await api().applyFix({ ...request, ref });
  if (!result.ok) {
    useFixStore.getState().update(key, { phase: 'failed', error: result.error });
    return;
  }
  useAuditStore.getState().reportUpdated(ref, result.value.report);
  useFixStore.getState().update(key, { phase: result.value.record.ok ? 'done' : 'failed', outcome: result.value });
}

export function cancelFix(phone: string, finding: string): void {
  useFixStore.getState().dismiss(fixKey(phone, finding));
}

export async function setAnswer(ref: DeviceRef, finding: string, answer: ManualAnswer['answer'], note: string): Promise<IpcError | null> {
  const trimmed = note.trim();
  const result = await api().setAnswer({ ref: toRef(ref), finding, answer, ...(trimmed ? { note: trimmed } : {}) });
  if (!result.ok) return result.error;
  useAuditStore.getState().answered(ref, result.value);
  return null;
}

export async function exportReport(format: ExportFormat, refs: DeviceRef[], redact: boolean, locale: Locale): Promise<{ ok: true; value: ExportResult } | { ok: false; error: IpcError }> {
  return api().exportReport({ format, refs: refs.map(toRef), redact, locale });
}

export async function refreshAppInfo(): Promise<void> {
  const result = await api().appInfo();
  if (result.ok) useAppStore.getState().setInfo(result.value);
}

async function loadSettings(): Promise<void> {
  const [settings, credentials] = await Promise.all([api().getSettings(), api().listCredentials()]);
  const store = useSettingsStore.getState();
  if (settings.ok) adoptSettings(settings.value);
  else store.setError(settings.error);
  if (credentials.ok) store.setCredentials(credentials.value);
}

/** Main's theme and language win over the ones this page remembered, once main has answered. */
function adoptSettings(settings: Settings): void {
  useSettingsStore.getState().setSettings(settings);
  const prefs = usePrefsStore.getState();
  // A main that keeps no such setting (an older lab server) leaves the page's own choice alone.
  if (settings.theme && settings.theme !== prefs.theme) prefs.setTheme(settings.theme);
  if (settings.locale && settings.locale !== prefs.locale) prefs.setLocale(settings.locale);
}

/** Changes main's settings; the page's copy follows main's answer (main may refuse or normalise). */
export async function updateSettings(patch: SettingsPatch): Promise<IpcError | null> {
  const prefs = usePrefsStore.getState();
  // Theme and language apply at once, also when main cannot keep them (the lab server keeps no settings).
  if (patch.theme) prefs.setTheme(patch.theme);
  if (patch.locale) prefs.setLocale(patch.locale);
  const result = await api().setSettings(patch);
  if (!result.ok) return result.error;
  useSettingsStore.getState().setSettings(result.value);
  if (patch.adbServers) void refreshDevices();
  return null;
}

export async function setCredential(route: string, secret: string): Promise<IpcError | null> {
  const result = await api().setCredential({ route, secret });
  if (!result.ok) return result.error;
  useSettingsStore.getState().setCredentials(result.value);
  return null;
}

export async function clearCredential(route: string): Promise<IpcError | null> {
  const result = await api().clearCredential({ route });
  if (!result.ok) return result.error;
  useSettingsStore.getState().setCredentials(result.value);
  return null;
}

/**
 * Asks main to open its adb file chooser; main checks the file answers as adb before saving it.
 * Returns the refusal, if any (null also when the engineer closed the chooser).
 */
export async function chooseAdb(): Promise<IpcError | null> {
  const result = await api().chooseAdb();
  if (!result.ok) return result.error;
  if (result.value.chosen) {
    useSettingsStore.getState().setSettings(result.value.settings);
    await adbChanged();
  }
  return null;
}

/** Forgets the chosen adb, so main searches the Android SDK and PATH again. */
export async function forgetAdbPath(): Promise<IpcError | null> {
  const result = await api().setSettings({ adbPath: null });
  if (!result.ok) return result.error;
  useSettingsStore.getState().setSettings(result.value);
  await adbChanged();
  return null;
}

async function adbChanged(): Promise<void> {
  await refreshAppInfo();
  void refreshDevices();
}

let pendingProgress: AuditProgress[] = [];
let progressTimer: ReturnType<typeof setTimeout> | null = null;

function flushProgress(): void {
  if (progressTimer !== null) clearTimeout(progressTimer);
  progressTimer = null;
  const events = pendingProgress;
  pendingProgress = [];
  if (events.length > 0) useAuditStore.getState().progressed(...events);
}

export interface BridgeOptions {
  /**
   * Progress events arriving within this many ms are applied in one store update: a lab of 32 phones sends
   * hundreds a second, and one render each would keep the main thread busy. 0 applies each at once.
   */
  progressBatchMs?: number;
}

/** Subscribes to the bridge's events and loads the device list; returns a function that undoes it. */
/** Sends a test push from the composer; the timeline fills from `push:progress` while main runs it. */
export async function sendPush(request: PushSendRequest): Promise<void> {
  const ref = toRef(request.ref);
  const phone = refKey(ref);
  usePushStore.getState().started(phone);
  const result = await api().sendPush({ ...request, ref });
  usePushStore.getState().finished(phone, result.ok ? { result: result.value } : { error: result.error });
}

/** The composer's checks (main/push/compose-checks.ts) for this message on this phone, run in main with its facts. */
export async function checkPush(request: PushMessageFields): Promise<void> {
  const ref = toRef(request.ref);
  const result = await api().checkPush({ ...request, ref });
  usePushStore.getState().setChecks(refKey(ref), result.ok ? result.value : null);
}

export function startBridge(bridge: PushDoctorApi, options: BridgeOptions = {}): () => void {
  const batchMs = options.progressBatchMs ?? 100;
  current = bridge;
  const offDevice = bridge.onDeviceEvent((event) => {
    useDeviceStore.getState().applyEvent(event);
    // Tracker events carry only the state; re-listing brings the identity and catches missed changes.
    if (event.type !== 'server-error') void refreshDevices();
  });
  const offProgress = bridge.onAuditProgress((progress) => {
    pendingProgress.push(progress);
    if (batchMs === 0) flushProgress();
    else progressTimer ??= setTimeout(flushProgress, batchMs);
  });
  const offPush = bridge.onPushProgress((p) => usePushStore.getState().progress(refKey(p.ref), p));
  void refreshDevices();
  void refreshAppInfo();
  void loadSettings();
  return () => {
    offDevice();
    offProgress();
    offPush();
    pendingProgress = [];
    if (progressTimer !== null) clearTimeout(progressTimer);
    progressTimer = null;
    if (current === bridge) current = null;
  };
}
