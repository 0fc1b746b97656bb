import type { DeviceRef } from '../../common/domain/device.js';
import type { Finding } from '../../common/domain/findings.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { DeviceReport, FixRecord } from '../../common/domain/report.js';
import { FIXES, type FixId } from '../../common/fixes/fix-catalog.js';
import type { FixOutcome, FixPlanView, FixRequest } from '../../common/ipc/contract.js';
import { ROMS, VENDORS, vendorOf, type VendorEntry } from '../../common/vendors/vendor-table.js';
import { DevicePortError, type DevicePort } from '../adb/device-port.js';
import { collectLive } from '../audit/collect-live.js';
import { diagnoseOutputs, probeCoverage } from '../audit/diagnose-outputs.js';
import type { AssembleExtras } from '../probes/assemble-facts.js';
import { consequencesOf } from '../../common/checklist/verdict.js';
import { planFix, type FixPlan } from '../diagnosis/fixes.js';
import { buildDeviceReport } from '../report/build-report.js';
import { commandOutcome, resolveCommandFor, resolvedComponent } from './command-outcome.js';
import { mergeOutputs, probesForFinding } from './recheck-probes.js';

/**
 * Runs a safe on-phone fix (common/fixes/fix-catalog.ts) for one finding of a phone's last audit, then
 * re-checks only the probes that finding needs and diagnoses again. A fix that opens a screen tries the
 * maker's screens from the vendor table in order, then stock Android's, until one resolves and starts.
 */

/** What the executor needs of the phone's last audit. */
export interface AuditedPhone {
  ref: DeviceRef;
  app: string | null;
  outputs: readonly RawOutput[];
  report: DeviceReport;
  /** What the audit read besides the outputs (the APK's facts, the click target), kept so a re-check diagnoses the same build. */
  extras?: AssembleExtras;
}

export interface FixRun {
  outcome: Omit<FixOutcome, 'report'>;
  /** The outputs after the re-check (the last audit's, with the re-read ones replaced). */
  outputs: RawOutput[];
  /** The re-checked report, without the fix recorded (the session adds its fixes and answers). */
  report: DeviceReport;
}

/** Android 7 (API 24) brought `cmd package`; older phones go straight to `am start`. */
const CMD_PACKAGE_SDK = 24;

/** The maker whose screens to try: the ROM's maker, else the push channel's (a Xiaomi phone on FCM is still MIUI). */
export function screenVendor(report: DeviceReport): VendorEntry | null {
  const romVendor = ROMS.find((r) => r.name === report.facts.rom?.name)?.vendor ?? null;
  return romVendor ? VENDORS[romVendor] : vendorOf(report.facts.pushChannel);
}

/** The channel's push service the fix is about: the disabled one when several are listed. */
function pushServicePackage(report: DeviceReport): string | null {
  const vendor = vendorOf(report.facts.pushChannel);
  if (!vendor) return null;
  const packages = vendor.servicePackages.map((p) => p.package);
  const facts = report.facts.pushServices.filter((s) => packages.includes(s.package) && s.installed !== false);
  return (facts.find((s) => s.enabled === false) ?? facts[0])?.package ?? packages[0] ?? null;
}

function findingOf(report: DeviceReport, id: string): Finding | null {
  return report.findings.find((f) => f.id === id) ?? null;
}

/** The fix's command lines for this phone, or a clear refusal (the finding is not there, the fix is not its fix). */
export function fixPlanFor(phone: AuditedPhone, request: Pick<FixRequest, 'finding' | 'fix' | 'app'>): FixPlan {
  const spec = FIXES[request.fix];
  const finding = findingOf(phone.report, request.finding);
  if (!finding) {
    throw new DevicePortError('NOT_FOUND', `The last audit of ${phone.ref.serial} has no "${request.finding}" step.`,
      'Audit the phone again (with the app under test named), then apply the fix.');
  }
  // A fix that changes the phone only for the finding it answers; opening a screen is harmless anywhere.
  if (spec.changesState && finding.fixId !== request.fix) {
    throw new DevicePortError('INVALID_INPUT', `"${request.fix}" is not the fix for "${request.finding}"${finding.fixId ? ` (its fix is "${finding.fixId}")` : ' (it has no on-phone fix)'}.`);
  }
  const app = request.app ?? phone.app;
  const pkg = spec.target === 'app' ? app : spec.target === 'push-service' ? pushServicePackage(phone.report) : null;
  const planned = planFix(request.fix, { pkg, sdk: phone.report.facts.android?.sdk ?? null, vendor: screenVendor(phone.report) });
  if (!planned.ok) throw new DevicePortError('UNSUPPORTED', planned.reason);
  return planned.plan;
}

export function fixPlanView(plan: FixPlan, id: FixId): FixPlanView {
  return { fix: id, title: plan.fix.title, changesState: plan.fix.changesState, commands: plan.commands, note: plan.fix.note };
}

interface Ran {
  ok: boolean;
  /** The command line(s) that ran: all of them, or the screen candidate that opened (else the last tried). */
  command: string;
  output: string;
}

async function runAll(port: Pick<DevicePort, 'shell'>, ref: DeviceRef, commands: readonly string[]): Promise<Ran> {
  const outputs: string[] = [];
  for (const command of commands) {
    const result = await port.shell(ref, command);
    outputs.push(result.output);
    const outcome = commandOutcome(result.output, result.exitCode);
    // Stop at the first failure: the next command of a fix may assume the one before it worked.
    if (!outcome.ok) return { ok: false, command: commands.join('; '), output: outputs.join('') || `${outcome.reason ?? 'failed'}\n` };
  }
  return { ok: true, command: commands.join('; '), output: outputs.join('') };
}

async function runFirstThatStarts(port: Pick<DevicePort, 'shell'>, ref: DeviceRef, commands: readonly string[], sdk: number | null): Promise<Ran> {
  let last: Ran = { ok: false, command: commands.at(-1) ?? '', output: '' };
  for (const command of commands) {
    const resolve = sdk === null || sdk >= CMD_PACKAGE_SDK ? resolveCommandFor(command) : null;
    if (resolve) {
      const answer = await port.shell(ref, resolve);
      // Not on this phone: the next candidate, without starting anything. An unreadable answer falls through to `am start`.
      if (resolvedComponent(answer.output)?.resolved === false) {
        last = { ok: false, command, output: answer.output };
        continue;
      }
    }
    const result = await port.shell(ref, command);
    last = { ok: commandOutcome(result.output, result.exitCode).ok, command, output: result.output };
    if (last.ok) return last;
  }
  return last;
}

export interface ApplyOptions {
  now?: () => Date;
  /** The deadline for the re-check's probes together. */
  timeoutMs?: number;
}

/**
 * The finding's own probes, and those of the failing checks it explains (a granted POST_NOTIFICATIONS also
 * re-enables the app's notifications in `dumpsys notification`), so a consequence does not stay stale on screen.
 */
function probesToRecheck(findingId: string, phone: AuditedPhone, app: string | null): ReturnType<typeof probesForFinding> {
  const failing = new Set(phone.report.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.id));
  const ids = [findingId, ...consequencesOf(findingId).filter((id) => failing.has(id))];
  const seen = new Set<string>();
  return ids.flatMap((id) => probesForFinding(id, phone.outputs, app, phone.extras)).filter((p) => !seen.has(p.id) && seen.add(p.id));
}

export async function applyFix(port: Pick<DevicePort, 'shell' | 'shellBatch'>, phone: AuditedPhone, request: FixRequest, options: ApplyOptions = {}): Promise<FixRun> {
  const plan = fixPlanFor(phone, request);
  const now = options.now ?? (() => new Date());
  const app = request.app ?? phone.app;
  const before = findingOf(phone.report, request.finding);
  // Worked out before the fix runs, from the outputs the finding was diagnosed from.
  const probes = plan.fix.changesState ? probesToRecheck(request.finding, phone, app) : [];

  const ran = plan.mode === 'first-success'
    ? await runFirstThatStarts(port, phone.ref, plan.commands, phone.report.facts.android?.sdk ?? null)
    : await runAll(port, phone.ref, plan.commands);
  const at = now().toISOString();

  if (!plan.fix.changesState || probes.length === 0) {
    const record: FixRecord = { finding: request.finding, fix: request.fix, command: ran.command, at, ok: ran.ok };
    return { outcome: { record, output: ran.output, before, after: null, rechecked: [] }, outputs: [...phone.outputs], report: phone.report };
  }

  const collection = await collectLive(port, phone.ref, probes, options.timeoutMs ? { deadlineMs: options.timeoutMs } : {});
  const outputs = mergeOutputs(phone.outputs, collection.outputs);
  const reread = new Set(probes.map((p) => `probe:${p.id}`));
  const report = buildDeviceReport({
    serial: phone.report.serial,
    ref: phone.ref,
    state: phone.report.state,
    ...diagnoseOutputs(outputs, app, phone.extras),
    pushTests: phone.report.pushTests,
    // Errors of the probes read again are replaced by what this reading found.
    errors: [...phone.report.errors.filter((e) => !(e.during ?? '').split(', ').some((d) => reread.has(d))), ...collection.errors],
    probes: probeCoverage(outputs, app, phone.extras?.clickTarget ?? null),
  });
  if (phone.report.changes) report.changes = phone.report.changes;
  if (phone.report.previousAuditAt) report.previousAuditAt = phone.report.previousAuditAt;
  const after = findingOf(report, request.finding);
  const record: FixRecord = {
    finding: request.finding, fix: request.fix, command: ran.command, at, ok: ran.ok,
    ...(after ? { after: after.severity } : {}),
  };
  return { outcome: { record, output: ran.output, before, after, rechecked: probes.map((p) => p.id) }, outputs, report };
}
