import type { DeviceReport } from '../../common/domain/report.js';
import type { AdbLocation, AuditProgress, DeviceEventPayload, DeviceListItem, IpcError, PushDoctorApi } from '../../common/ipc/contract.js';

/**
 * A fake `window.pushDoctor` implementing the preload contract, for renderer tests (jsdom) and
 * the browser end-to-end test. It is self-contained on purpose: the e2e test ships its source text
 * into the page with `page.addInitScript`, so it may use nothing from outside its own body.
 */
export interface FakeApiFixture {
  devices: DeviceListItem[];
  /** What audit:run answers; its serial is replaced by the audited one. */
  report: DeviceReport;
  /** Progress events sent, in order, before the audit answers. */
  progress: AuditProgress[];
  /** When set, device:list fails with this error. */
  listError?: IpcError;
  /** When set, audit:run fails with this error. */
  auditError?: IpcError;
  /** Keep audit:run pending until `releaseAudit()` is called. */
  holdAudit?: boolean;
  /** What app:info says about adb; found at /usr/bin/adb by default. */
  adb?: AdbLocation;
  /**
   * What happens in main's adb chooser: the user picks a file that answers as adb, picks one main
   * refuses, or (by default) closes the chooser.
   */
  adbChooser?: { picks: string } | { refused: IpcError };
}

export interface FakeApi {
  api: PushDoctorApi;
  calls: { method: string; args: unknown[] }[];
  setDevices(devices: DeviceListItem[]): void;
  emitDeviceEvent(event: DeviceEventPayload): void;
  releaseAudit(): void;
  listenerCount(): number;
}

export function createFakeApi(fixture: FakeApiFixture): FakeApi {
  let devices = fixture.devices;
  const deviceListeners = new Set<(e: DeviceEventPayload) => void>();
  const progressListeners = new Set<(p: AuditProgress) => void>();
  const calls: { method: string; args: unknown[] }[] = [];
  let release: () => void = () => undefined;
  let adbPath: string | null = null;
  const unsupported = async (): Promise<{ ok: false; error: IpcError }> => ({ ok: false, error: { code: 'UNSUPPORTED', message: 'not faked' } });
  const clone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  const api: PushDoctorApi = {
    async appInfo() {
      calls.push({ method: 'appInfo', args: [] });
      return {
        ok: true,
        value: {
          name: 'Push Doctor', version: '0.1.0', platform: 'linux', arch: 'x64',
          versions: { electron: '45.5.0', chrome: '142.0.0.0', node: '22.20.0' },
          adb: adbPath
            ? { found: true, path: adbPath, source: 'settings', message: null }
            : fixture.adb ?? { found: true, path: '/usr/bin/adb', source: 'path', message: null },
        },
      };
    },
    async listDevices() {
      calls.push({ method: 'listDevices', args: [] });
      return fixture.listError ? { ok: false, error: fixture.listError } : { ok: true, value: clone(devices) };
    },
    async runAudit(request) {
      calls.push({ method: 'runAudit', args: [request] });
      for (const progress of fixture.progress) {
        for (const listener of progressListeners) listener({ ...progress, ref: request.ref, serial: request.ref.serial });
      }
      if (fixture.holdAudit) await new Promise<void>((resolve) => { release = resolve; });
      if (fixture.auditError) return { ok: false, error: fixture.auditError };
      return { ok: true, value: { ...clone(fixture.report), serial: request.ref.serial, ref: request.ref } };
    },
    async getSettings() {
      return { ok: true, value: { adbPath, adbServers: [], theme: 'system', locale: 'system' } };
    },
    async setSettings(patch) {
      calls.push({ method: 'setSettings', args: [patch] });
      // As main's schema does: the page may only clear the path (search again), never name one.
      if (patch.adbPath !== undefined && patch.adbPath !== null) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input for settings:set: adbPath: expected null' } };
      }
      if (patch.adbPath === null) adbPath = null;
      return { ok: true, value: { adbPath, adbServers: [], theme: 'system', locale: 'system' } };
    },
    async chooseAdb() {
      calls.push({ method: 'chooseAdb', args: [] });
      const chooser = fixture.adbChooser;
      if (!chooser) return { ok: true, value: { chosen: false } };
      if ('refused' in chooser) return { ok: false, error: chooser.refused };
      adbPath = chooser.picks;
      return { ok: true, value: { chosen: true, settings: { adbPath, adbServers: [], theme: 'system', locale: 'system' }, version: 'Android Debug Bridge version 1.0.41' } };
    },
    async openExternal(url) {
      calls.push({ method: 'openExternal', args: [url] });
      return { ok: true, value: undefined };
    },
    // The workstation's channels (fixes, answers, export, credentials) are the renderer branch's to fake.
    listPackages: unsupported, planFix: unsupported, applyFix: unsupported, setAnswer: unsupported, exportReport: unsupported,
    listCredentials: unsupported, setCredential: unsupported, clearCredential: unsupported,
    onDeviceEvent(listener) {
      deviceListeners.add(listener);
      return () => void deviceListeners.delete(listener);
    },
    onAuditProgress(listener) {
      progressListeners.add(listener);
      return () => void progressListeners.delete(listener);
    },
  };

  return {
    api,
    calls,
    setDevices(next) {
      devices = next;
    },
    emitDeviceEvent(event) {
      for (const listener of deviceListeners) listener(clone(event));
    },
    releaseAudit() {
      release();
    },
    listenerCount() {
      return deviceListeners.size + progressListeners.size;
    },
  };
}
