import type { DeviceReport, ManualAnswer } from '../../common/domain/report.js';
import type {
  AdbLocation, AuditProgress, CredentialStatus, DeviceEventPayload, DeviceListItem, ExportRequest, FixPlanView, IpcError,
  PushDoctorApi, PushProgress, PushSendRequest, Settings,
} from '../../common/ipc/contract.js';
import type { Finding } from '../../common/domain/findings.js';
import type { PushTestResult } from '../../common/domain/report.js';

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
  /** Third-party packages per serial, for device:packages (sorted as main sorts them). */
  packages?: Record<string, string[]>;
  /** What fix:plan answers per fix id; a fix without an entry is refused as UNSUPPORTED. */
  fixPlans?: Record<string, FixPlanView>;
  /** When set, fix:apply fails with this error. */
  fixError?: IpcError;
  /** Credential routes main knows, with their state. */
  credentials?: CredentialStatus[];
  /** What the save dialog does on report:export: saves to this path, or (by default) is cancelled. */
  exportTo?: string;
  /** What push:check answers (the composer checks main runs). */
  pushChecks?: Finding[];
  /**
   * How the fake phone answers push:send: where the loop stops (posted-but-not-displayed, not posted, …) with
   * its reason, and the latency from sent to posted. By default every stage passes, 420 ms to post.
   */
  pushStopAt?: { stage: 'accepted' | 'posted' | 'displayed'; reason: string };
  pushLatencyMs?: number;
  /** Keep push:send pending (after its `sent` stage) until `releasePush()` is called. */
  holdPush?: boolean;
}

export interface FakeApi {
  api: PushDoctorApi;
  calls: { method: string; args: unknown[] }[];
  setDevices(devices: DeviceListItem[]): void;
  emitDeviceEvent(event: DeviceEventPayload): void;
  releaseAudit(): void;
  listenerCount(): number;
  /** The last export main was asked for. */
  exported(): ExportRequest | null;
  releasePush(): void;
}

export function createFakeApi(fixture: FakeApiFixture): FakeApi {
  let devices = fixture.devices;
  const deviceListeners = new Set<(e: DeviceEventPayload) => void>();
  const progressListeners = new Set<(p: AuditProgress) => void>();
  const calls: { method: string; args: unknown[] }[] = [];
  let release: () => void = () => undefined;
  let releasePushRun: () => void = () => undefined;
  const pushListeners = new Set<(p: PushProgress) => void>();
  let adbPath: string | null = null;
  let settings: Omit<Settings, 'adbPath'> = { adbServers: [], theme: 'system', locale: 'system', pushBaseUrls: {} };
  const currentSettings = (): Settings => ({ adbPath, ...settings });
  let credentials: CredentialStatus[] = fixture.credentials ?? [];
  const reports = new Map<string, DeviceReport>();
  const keyOf = (ref: { serial: string; server: string }): string => `${ref.serial}@${ref.server}`;
  let lastExport: ExportRequest | null = null;
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
      const report: DeviceReport = { ...clone(fixture.report), serial: request.ref.serial, ref: request.ref };
      reports.set(keyOf(request.ref), report);
      return { ok: true, value: clone(report) };
    },
    async getSettings() {
      return { ok: true, value: currentSettings() };
    },
    async setSettings(patch) {
      calls.push({ method: 'setSettings', args: [patch] });
      // As main's schema does: the page may only clear the path (search again), never name one.
      if (patch.adbPath !== undefined && patch.adbPath !== null) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input for settings:set: adbPath: expected null' } };
      }
      if (patch.adbPath === null) adbPath = null;
      const { adbPath: _path, ...rest } = patch;
      settings = { ...settings, ...rest };
      return { ok: true, value: currentSettings() };
    },
    async chooseAdb() {
      calls.push({ method: 'chooseAdb', args: [] });
      const chooser = fixture.adbChooser;
      if (!chooser) return { ok: true, value: { chosen: false } };
      if ('refused' in chooser) return { ok: false, error: chooser.refused };
      adbPath = chooser.picks;
      return { ok: true, value: { chosen: true, settings: currentSettings(), version: 'Android Debug Bridge version 1.0.41' } };
    },
    async listPackages(request) {
      calls.push({ method: 'listPackages', args: [request] });
      return { ok: true, value: [...(fixture.packages?.[request.ref.serial] ?? [])] };
    },
    async planFix(request) {
      calls.push({ method: 'planFix', args: [request] });
      const plan = fixture.fixPlans?.[request.fix];
      if (!plan) return { ok: false, error: { code: 'UNSUPPORTED', message: `No safe fix ${request.fix} on this phone.` } };
      return { ok: true, value: clone(plan) };
    },
    async applyFix(request) {
      calls.push({ method: 'applyFix', args: [request] });
      if (fixture.fixError) return { ok: false, error: fixture.fixError };
      const plan = fixture.fixPlans?.[request.fix];
      const report = reports.get(keyOf(request.ref));
      if (!plan || !report) return { ok: false, error: { code: 'NOT_FOUND', message: 'Audit the phone before fixing it.' } };
      const before = report.findings.find((f) => f.id === request.finding) ?? null;
      // As main does: a state-changing fix re-checks the finding (here: it now passes); a screen only opens.
      const after = before && plan.changesState ? { ...before, severity: 'ok' as const, remedy: '' } : null;
      const record = {
        finding: request.finding, fix: request.fix, command: plan.commands[0] ?? '', at: '2026-12-02T13:00:00.000Z', ok: true,
        ...(after ? { after: after.severity } : {}),
      };
      report.findings = report.findings.map((f) => (after && f.id === after.id ? after : f));
      report.fixes = [...(report.fixes ?? []), record];
      return {
        ok: true,
        value: { record, output: plan.changesState ? '' : 'Starting: Intent { act=android.settings.APP_NOTIFICATION_SETTINGS }', before, after, rechecked: after ? ['probe'] : [], report: clone(report) },
      };
    },
    async setAnswer(request) {
      calls.push({ method: 'setAnswer', args: [request] });
      const report = reports.get(keyOf(request.ref));
      if (!report) return { ok: false, error: { code: 'NOT_FOUND', message: 'Audit the phone before answering its steps.' } };
      const answer: ManualAnswer = {
        finding: request.finding, answer: request.answer, at: '2026-12-02T13:00:00.000Z', ...(request.note ? { note: request.note } : {}),
      };
      report.answers = [...(report.answers ?? []).filter((a) => a.finding !== request.finding), answer];
      return { ok: true, value: clone(report.answers) };
    },
    async exportReport(request) {
      calls.push({ method: 'exportReport', args: [request] });
      lastExport = clone(request);
      if (!fixture.exportTo) return { ok: true, value: { saved: false } };
      return { ok: true, value: { saved: true, path: `${fixture.exportTo}.${request.format}`, bytes: 2048 } };
    },
    async listCredentials() {
      calls.push({ method: 'listCredentials', args: [] });
      return { ok: true, value: clone(credentials) };
    },
    async setCredential(request) {
      // The secret is not recorded: a fake must not teach tests to look for it anywhere.
      calls.push({ method: 'setCredential', args: [{ route: request.route }] });
      try {
        JSON.parse(request.secret);
      } catch {
        return { ok: false, error: { code: 'INVALID_INPUT', message: `The credential for ${request.route} is not JSON.`, hint: 'Paste the JSON file the vendor console gave you.' } };
      }
      credentials = credentials.map((c) => (c.route === request.route ? { ...c, set: true, storage: 'encrypted' as const } : c));
      return { ok: true, value: clone(credentials) };
    },
    async clearCredential(request) {
      calls.push({ method: 'clearCredential', args: [request] });
      credentials = credentials.map((c) => (c.route === request.route ? { ...c, set: false, storage: 'none' as const } : c));
      return { ok: true, value: clone(credentials) };
    },
    async openExternal(url) {
      calls.push({ method: 'openExternal', args: [url] });
      return { ok: true, value: undefined };
    },
    async checkPush(request) {
      calls.push({ method: 'checkPush', args: [request] });
      return { ok: true, value: clone(fixture.pushChecks ?? []) };
    },
    async sendPush(request: PushSendRequest) {
      calls.push({ method: 'sendPush', args: [request] });
      // As main does: a server route without stored credentials is refused before anything is sent.
      if (request.route !== 'local' && !credentials.some((c) => c.route === request.route && c.set)) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: `No ${request.route} credentials are set.`, hint: `Add the ${request.route} credentials in Settings → Push credentials, then send again.` } };
      }
      const all = ['foreground', 'background', 'locked', 'killed', 'stopped', 'doze'] as const;
      const conditions = request.condition === 'all' ? [...all] : [request.condition];
      const t0 = Date.parse('2026-12-02T13:00:00.000Z');
      const latency = fixture.pushLatencyMs ?? 420;
      const stop = fixture.pushStopAt;
      const pushTests: PushTestResult[] = [];
      for (const [index, condition] of conditions.entries()) {
        const base = t0 + index * 10_000;
        const emit = (stage: PushProgress['stage'], ok: boolean, at: number, reason: string | null) => {
          for (const l of pushListeners) l({ ref: request.ref, route: request.route, condition, index, total: conditions.length, stage, ok, at: new Date(at).toISOString(), reason });
        };
        emit('sent', true, base, null);
        if (fixture.holdPush && index === 0) await new Promise<void>((resolve) => { releasePushRun = resolve; });
        const accepted = stop?.stage !== 'accepted';
        emit('accepted', accepted, base + 80, accepted ? null : stop!.reason);
        const posted = accepted && stop?.stage !== 'posted';
        if (accepted) emit('posted', posted, base + latency, posted ? null : stop!.reason);
        const displayed = posted && stop?.stage !== 'displayed';
        if (posted) emit('displayed', displayed, base + latency + 5, displayed ? null : stop!.reason);
        pushTests.push({
          route: request.route, condition, sentAt: new Date(base).toISOString(), accepted,
          response: accepted ? { code: '0', meaning: 'accepted' } : { code: stop!.reason, meaning: 'rejected' },
          acceptedAt: accepted ? new Date(base + 80).toISOString() : null,
          postedAt: posted ? new Date(base + latency).toISOString() : null, latencyMs: posted ? latency : null,
          displayed: posted ? displayed : null, displayedReason: posted ? (displayed ? 'shown' : stop!.reason) : null,
          notDeliveredReason: accepted && !posted ? stop!.reason : null, channelId: posted ? request.channelId ?? 'shell_cmd' : null, importance: posted ? 3 : null,
        });
      }
      const severity = stop ? 'error' as const : 'ok' as const;
      const findings: Finding[] = [{
        id: 'test-push-delivered', severity, title: 'The test push reached the phone', detail: stop ? `not delivered: ${stop.reason}` : `posted ${latency} ms after sending`,
        evidence: [], remedy: stop ? 'See the reason.' : '', faq: 'Test whether messages can be pushed offline',
      }];
      return { ok: true, value: { route: request.route, pushTests, findings, notes: [] } };
    },
    onPushProgress(listener) {
      pushListeners.add(listener);
      return () => void pushListeners.delete(listener);
    },
    // The workstation's channels (fixes, answers, export, credentials) are the renderer branch's to fake.
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
      return deviceListeners.size + progressListeners.size + pushListeners.size;
    },
    exported() {
      return lastExport;
    },
    releasePush() {
      releasePushRun();
    },
  };
}
