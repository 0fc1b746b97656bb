import { describeRef, findByRef, toRef, type DeviceRef } from '../../common/domain/device.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { DeviceReport, ManualAnswer } from '../../common/domain/report.js';
import { notFoundError, stateError } from '../adb/adb-errors.js';
import { DevicePortError, type DeviceInfo, type DevicePort } from '../adb/device-port.js';
import { isSafePackageName } from '../adb/shell-safety.js';
import { auditDevice } from '../audit/audit-device.js';
import type { ApkCache } from '../apk/apk-cache.js';
import type { AssembleExtras } from '../probes/assemble-facts.js';
import type { LabServices } from '../app/workstation.js';
import { applyFix, fixPlanFor, fixPlanView } from '../fixes/fix-executor.js';
import type { HistoryStore } from '../history/history-store.js';
import { buildReport } from '../report/build-report.js';
import { createAuditSessions, type AuditSession, type AuditSessions } from './audit-sessions.js';
import { createDeviceService, type DeviceServicePort } from './device-service.js';
import { listThirdPartyPackages } from './third-party-packages.js';
import { createPushService, type PushServiceOptions } from './push-service.js';

export interface LabServiceOptions {
  /** Where audits are kept so the next one says what changed; null keeps none. */
  history?: HistoryStore | null;
  /** Tool version written into saved history entries. */
  version?: string;
  now?: () => Date;
  /** Called when saving history fails: the audit is still answered. */
  onHistoryError?: (error: unknown) => void;
  /** Where pulled APKs are kept between audits; null pulls every time. */
  apkCache?: ApkCache | null;
  /** Where test pushes get their credentials, base URLs and HTTP transport; without it only the `local` route has what it needs. */
  push?: Pick<PushServiceOptions, 'secretFor' | 'settings' | 'fetch'>;
}

/**
 * The phone-facing services the workstation's IPC handlers call: device list and live events (with
 * identities), the audit, the app picker's package list, fixes and answers. One port serves them all, so an
 * audit, a fix and the sidebar see the same phones; one session store holds each phone's last audit, so a
 * fix re-checks against it and an export writes it with its fixes and answers.
 */
export function createLabServices(
  port: DeviceServicePort & DevicePort, options: LabServiceOptions = {},
): LabServices & { sessions: AuditSessions; close(): Promise<void> } {
  const devices = createDeviceService(port);
  const sessions = createAuditSessions();
  const now = options.now ?? (() => new Date());
  const push = createPushService({
    port, sessions,
    secretFor: options.push?.secretFor ?? (async () => null),
    settings: options.push?.settings ?? (async () => ({ pushBaseUrls: {} })),
    ...(options.push?.fetch ? { fetch: options.push.fetch } : {}),
  });

  async function readyDevice(ref: DeviceRef): Promise<DeviceInfo> {
    const device = findByRef(await port.listDevices(), ref);
    if (!device) throw notFoundError(describeRef(ref));
    return device;
  }

  function checkedApp(app: string | undefined): string | null {
    if (app !== undefined && !isSafePackageName(app)) {
      throw new DevicePortError('INVALID_INPUT', `"${app}" is not an Android package name.`);
    }
    return app ?? null;
  }

  function sessionFor(ref: DeviceRef, app: string | undefined): AuditSession {
    const session = sessions.get(ref, app === undefined ? undefined : app);
    if (!session) {
      throw new DevicePortError('NOT_FOUND', `${describeRef(ref)} has not been audited${app ? ` for ${app}` : ''} in this session.`,
        'Run the audit first; a fix is planned from what the audit read.');
    }
    return session;
  }

  /** Saves the audit and attaches what changed since the phone's previous one; a full disk costs the history only. */
  async function withHistory(report: DeviceReport, app: string | null, at: Date): Promise<DeviceReport> {
    const history = options.history;
    if (!history || report.state !== 'device') return report;
    try {
      const wrapped = buildReport({ source: 'live', app, devices: [report], now: at, version: options.version ?? '0.0.0' });
      const [withChanges] = (await history.withChanges(wrapped)).devices;
      await history.save(wrapped);
      return withChanges ?? report;
    } catch (error) {
      options.onHistoryError?.(error);
      return report;
    }
  }

  return {
    sessions,
    checkPush: (request) => push.checkPush(request),
    sendPush: (request, onProgress) => push.sendPush(request, onProgress),
    listDevices: () => devices.listDevices(),
    trackDevices: (onEvent) => devices.trackDevices(onEvent),
    async listPackages(ref) {
      const device = await readyDevice(ref);
      if (device.state !== 'device') throw stateError(device.serial, device.state);
      return listThirdPartyPackages(port, toRef(device));
    },
    async runAudit(request, onProgress) {
      const app = checkedApp(request.app);
      const device = await readyDevice(request.ref);
      let outputs: RawOutput[] = [];
      let extras: AssembleExtras = {};
      const audited = await auditDevice(port, device, {
        app, onProgress, apkCache: options.apkCache ?? null, onOutputs: (o, e) => { outputs = o; extras = e; },
      });
      const at = now();
      const report = await withHistory(audited, app, at);
      const session = sessions.putAudit(toRef(device), app, outputs, report, at.toISOString(), extras);
      return sessions.reportOf(session);
    },
    async planFix(request) {
      const session = sessionFor(request.ref, request.app);
      return fixPlanView(fixPlanFor(session, request), request.fix);
    },
    async applyFix(request) {
      const session = sessionFor(request.ref, request.app);
      const device = await readyDevice(request.ref);
      if (device.state !== 'device') throw stateError(device.serial, device.state);
      const run = await applyFix(port, session, request, { now });
      const next = sessions.putRecheck(session, run.outputs, run.report, run.outcome.record, run.outcome.record.at);
      return { ...run.outcome, report: sessions.reportOf(next) };
    },
    async setAnswer(request): Promise<ManualAnswer[]> {
      const answer: ManualAnswer = {
        finding: request.finding, answer: request.answer, at: now().toISOString(),
        ...(request.note !== undefined && request.note.trim() !== '' ? { note: request.note.trim() } : {}),
      };
      return sessions.setAnswer(toRef(request.ref), answer);
    },
    async close() {
      await devices.close();
      await port.close();
    },
  };
}
