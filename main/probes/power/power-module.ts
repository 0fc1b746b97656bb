import { PKG, USER_OPT } from '../command-grammar.js';
import type { AppFacts } from '../../../common/domain/facts.js';
import type { RawOutput } from '../../../common/domain/raw-output.js';
import { autostartOpFor, AUTOSTART_OPS } from '../../../common/vendors/vendor-table.js';
import { bugreportOutput, type ProbeModule, type ReadInput } from '../probe-module.js';
import { cutShort, readFor, type SheetBuilder } from '../read-kit.js';
import { parseAppOps } from './appops.js';
import { parseDeviceIdleWhitelist } from './deviceidle.js';
import { parseRestrictBackground, parseRestrictBackgroundWhitelist } from './netpolicy.js';
import { parseStandbyBucket } from './standby-bucket.js';

/**
 * What keeps the app from running in the background: Doze exemptions (deviceidle), the standby bucket,
 * app-ops (background restriction, vendor autostart) and Data Saver (netpolicy).
 */

const ANDROID_9 = 28;

/** AppOpsManager modes that keep an op from running, and those that let it. Anything else is unknown. */
const DENYING_MODES = new Set(['ignore', 'deny', 'errored']);
const ALLOWING_MODES = new Set(['allow', 'default', 'foreground']);

function readStandby(sheet: SheetBuilder, { out, android }: ReadInput, app: AppFacts): void {
  const sdk = android?.sdk ?? null;
  if (sdk !== null && sdk < ANDROID_9) {
    sheet.why('app.standbyBucket', 'not applicable: Android < 9 has no standby buckets');
    return;
  }
  const r = readFor(sheet, ['app.standbyBucket'], out.find((d) => d.kind === 'standby-bucket' && d.package === app.package),
    `am get-standby-bucket ${app.package}`, parseStandbyBucket);
  if (!r) return;
  app.standbyBucket = r.value.value;
  sheet.cite('app.standbyBucket', r.out.command, r.value.line);
}

function readDeviceIdle(sheet: SheetBuilder, { out }: ReadInput, app: AppFacts): void {
  const pkg = app.package;
  const o = out.find((d) => d.kind === 'deviceidle' && d.whitelistOnly) ?? out.find((d) => d.kind === 'deviceidle');
  const r = readFor(sheet, ['app.batteryOptimizationExempt'], o, 'dumpsys deviceidle whitelist', parseDeviceIdleWhitelist);
  if (!r) return;
  const mine = r.value.entries.filter((e) => e.package === pkg);
  const exempt = mine.find((e) => e.kind === 'system' || e.kind === 'user');
  app.batteryOptimizationExempt = exempt !== undefined;
  if (exempt) sheet.cite('app.batteryOptimizationExempt', r.out.command, exempt.line);
  else sheet.cite('app.batteryOptimizationExempt', r.out.command, ...mine.map((e) => e.line), `${pkg} not in the system or user whitelist (${r.value.entries.length} entries)`);
}

function readAppOps(sheet: SheetBuilder, { out, android, rom }: ReadInput, app: AppFacts): void {
  const pkg = app.package;
  const sdk = android?.sdk ?? null;
  const found = out.find((d) => d.kind === 'appops' && d.package === pkg && d.op === null)
    ?? out.find((d) => d.kind === 'appops' && d.package === pkg);
  const r = readFor(sheet, ['app.backgroundRestricted', 'app.autostartAllowed'], found, `cmd appops get ${pkg}`, parseAppOps);
  if (!r) return;
  const { value: ops, out: o } = r;

  const opName = sdk !== null && sdk < ANDROID_9 ? 'RUN_IN_BACKGROUND' : 'RUN_ANY_IN_BACKGROUND';
  const onlyOp = o.dispatched.kind === 'appops' ? o.dispatched.op : null;
  const bg = ops.ops.get(opName);
  const bgCut = ops.unreadable.get(opName);
  if (bg) {
    if (DENYING_MODES.has(bg.mode)) app.backgroundRestricted = true;
    else if (ALLOWING_MODES.has(bg.mode)) app.backgroundRestricted = false;
    else sheet.why('app.backgroundRestricted', `${opName} mode "${bg.mode}" is neither an allowing nor a denying mode`);
    sheet.cite('app.backgroundRestricted', o.command, bg.line);
  } else if (bgCut) {
    sheet.why('app.backgroundRestricted', `the ${opName} line has no readable mode: ${bgCut}`);
    sheet.cite('app.backgroundRestricted', o.command, bgCut);
  } else if (onlyOp !== null && onlyOp !== opName) {
    sheet.why('app.backgroundRestricted', `\`${o.command}\` asked for ${onlyOp} only`);
  } else if (cutShort(o)) {
    sheet.why('app.backgroundRestricted', `no ${opName} line, but \`${o.command}\` was cut short before it ended`);
  } else {
    app.backgroundRestricted = false;
    sheet.cite('app.backgroundRestricted', o.command, ops.noOperations ? 'No operations.' : `no ${opName} line (op at its default: allowed)`);
  }

  // The vendor autostart op, where a ROM has one (vendor table): MIUI/HyperOS print MIUIOP(10008).
  const names = AUTOSTART_OPS.flatMap((a) => a.opNames);
  const name = names.find((n) => ops.ops.has(n));
  const autostart = name === undefined ? undefined : ops.ops.get(name);
  const cut = names.map((n) => ops.unreadable.get(n)).find((l) => l !== undefined);
  const romOp = autostartOpFor(rom?.name ?? null);
  if (autostart) {
    if (autostart.mode === 'allow') app.autostartAllowed = true;
    else if (DENYING_MODES.has(autostart.mode)) app.autostartAllowed = false;
    else sheet.why('app.autostartAllowed', `autostart op mode "${autostart.mode}" is neither allow nor deny`);
    sheet.cite('app.autostartAllowed', o.command, autostart.line);
  } else if (cut) {
    sheet.why('app.autostartAllowed', `the autostart op line has no readable mode: ${cut}`);
    sheet.cite('app.autostartAllowed', o.command, cut);
  } else {
    sheet.why('app.autostartAllowed', romOp
      ? `${romOp.opNames[0] ?? 'the autostart op'} not printed by cmd appops on this phone`
      : 'not applicable: this phone exposes no autostart app-op (check the vendor settings screen)');
  }
}

function readDataSaver(sheet: SheetBuilder, { out }: ReadInput): void {
  const np = readFor(sheet, ['system.dataSaver'], out.find((d) => d.kind === 'netpolicy-restrict-background'),
    'cmd netpolicy get restrict-background', parseRestrictBackground);
  if (!np) return;
  sheet.facts.system.dataSaver = np.value.value;
  sheet.cite('system.dataSaver', np.out.command, np.value.line);
}

function readDataSaverExempt(sheet: SheetBuilder, { out, appPackage }: ReadInput, app: AppFacts): void {
  const r = readFor(sheet, ['app.dataSaverExempt'], out.find((d) => d.kind === 'netpolicy-whitelist'),
    'cmd netpolicy list restrict-background-whitelist', parseRestrictBackgroundWhitelist);
  if (!r) return;
  const appId = appPackage?.dump.appId ?? null;
  if (!appPackage || !appId) {
    sheet.why('app.dataSaverExempt', 'the app uid is unknown (userId= not read from dumpsys package)');
    return;
  }
  // The user-0 uid equals the app id; the whitelist lists uids.
  app.dataSaverExempt = r.value.value.includes(appId.value);
  sheet.cite('app.dataSaverExempt', r.out.command, r.value.line);
  sheet.cite('app.dataSaverExempt', appPackage.command, appId.line);
}

/** UsageStats `package=PKG u=0 bucket=10 reason=…` (AppIdleHistory.dump) → `am get-standby-bucket` output. */
function standbyBucketFromUsageStats(dump: string, pkg: string): string | null {
  const m = new RegExp(`package=${pkg.replace(/\./g, '\\.')} u=0 bucket=(\\d+)`).exec(dump);
  return m ? `${m[1]}\n` : null;
}

export type PowerCommand =
  | { kind: 'deviceidle'; whitelistOnly: boolean }
  | { kind: 'standby-bucket'; package: string }
  | { kind: 'appops'; package: string; op: string | null }
  | { kind: 'netpolicy-restrict-background' }
  | { kind: 'netpolicy-whitelist' };

export const powerModule: ProbeModule<PowerCommand> = {
  dispatch(c) {
    const idle = /^(?:dumpsys|cmd) deviceidle( whitelist)?$/.exec(c);
    if (idle) return { kind: 'deviceidle', whitelistOnly: idle[1] !== undefined };
    const bucket = new RegExp(`^am get-standby-bucket${USER_OPT} (${PKG})${USER_OPT}$`).exec(c);
    if (bucket) return { kind: 'standby-bucket', package: bucket[1] ?? '' };
    const appops = new RegExp(`^(?:cmd )?appops get${USER_OPT} (${PKG})(?: ([A-Za-z0-9_:()]+))?${USER_OPT}$`).exec(c);
    if (appops) return { kind: 'appops', package: appops[1] ?? '', op: appops[2] ?? null };
    if (/^cmd netpolicy get restrict-background$/.test(c)) return { kind: 'netpolicy-restrict-background' };
    return /^cmd netpolicy list restrict-background-whitelist$/.test(c) ? { kind: 'netpolicy-whitelist' } : null;
  },
  area: 'power',
  probes(app) {
    const plan = [
      { id: 'deviceidle-whitelist', command: 'dumpsys deviceidle whitelist', purpose: 'battery optimisation exemptions' },
      { id: 'netpolicy-restrict-background', command: 'cmd netpolicy get restrict-background', purpose: 'Data Saver' },
      { id: 'netpolicy-whitelist', command: 'cmd netpolicy list restrict-background-whitelist', purpose: 'Data Saver exemptions' },
    ];
    if (app !== null) {
      plan.push(
        { id: 'standby-bucket', command: `am get-standby-bucket ${app}`, purpose: 'app standby bucket' },
        { id: 'appops-app', command: `cmd appops get ${app}`, purpose: 'background restriction, vendor autostart' },
      );
    }
    return plan;
  },
  fromBugreport(sections, packages) {
    const outputs: RawOutput[] = [];
    const deviceidle = sections.service('deviceidle');
    if (deviceidle !== null) outputs.push(bugreportOutput('dumpsys deviceidle', deviceidle));
    const usage = sections.service('usagestats');
    if (usage !== null) {
      for (const pkg of packages) {
        const bucket = standbyBucketFromUsageStats(usage, pkg);
        if (bucket !== null) outputs.push(bugreportOutput(`am get-standby-bucket ${pkg}`, bucket));
      }
    }
    return outputs;
  },
  read(input, sheet) {
    readDataSaver(sheet, input);
    const app = sheet.facts.app;
    if (!app || input.app === null || input.appInstalled === false) return;
    readStandby(sheet, input, app);
    readDeviceIdle(sheet, input, app);
    readAppOps(sheet, input, app);
    readDataSaverExempt(sheet, input, app);
  },
};
