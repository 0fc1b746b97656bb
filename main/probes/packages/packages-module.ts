import { PKG } from '../command-grammar.js';
import type { AppFacts, GmsFact, PushServiceFact } from '../../../common/domain/facts.js';
import type { RawOutput } from '../../../common/domain/raw-output.js';
import { ALL_PUSH_SERVICE_PACKAGES, GOOGLE_PLAY_SERVICES, VENDORS } from '../../../common/vendors/vendor-table.js';
import { assertSafePackageName } from '../../adb/shell-safety.js';
import { bugreportOutput, type Probe, type ProbeModule, type ReadInput } from '../probe-module.js';
import { outputProblem, parseFailure, run, SheetBuilder, type Output, type OutputIndex } from '../read-kit.js';
import { parseDumpsysPackage, type PackageDump } from './dumpsys-package.js';
import { parsePmListPackages, type PackageList } from './pm-list-packages.js';

/**
 * What is installed and enabled: the package lists, `dumpsys package` of every push service and of the app
 * under test (version, stopped state, runtime permissions). Versions of push services come from
 * `dumpsys package X` rather than `pm list packages --show-versioncode`, which Android 8 (SDK 26–27) rejects
 * as an unknown option.
 */

const ANDROID_13 = 33;

function packageList(out: OutputIndex, kind: 'all' | 'disabled'): Output | undefined {
  return out.find((d) => d.kind === 'pm-list-packages' && !d.enabledOnly
    && (kind === 'disabled' ? d.disabledOnly : !d.disabledOnly && !d.includeUninstalled))
    ?? (kind === 'all' ? out.find((d) => d.kind === 'pm-list-packages' && !d.disabledOnly && !d.enabledOnly) : undefined);
}

function packageDump(out: OutputIndex, pkg: string): Output | undefined {
  return out.find((d) => d.kind === 'dumpsys-package' && d.package === pkg)
    ?? out.find((d) => d.kind === 'dumpsys-package' && d.package === null);
}

interface PackageLists {
  all: { list: PackageList; out: Output } | null;
  allReason: string;
  disabled: { list: PackageList; out: Output } | null;
  disabledReason: string;
}

function readPackageLists(out: OutputIndex): PackageLists {
  const load = (o: Output | undefined, what: string): { value: { list: PackageList; out: Output } | null; reason: string } => {
    const problem = outputProblem(o, what);
    if (problem || !o) return { value: null, reason: problem ?? 'missing' };
    const r = run(o, parsePmListPackages);
    if (!r.ok) return { value: null, reason: r.reason };
    if (r.value.packages.size === 0 && what === 'pm list packages') {
      return { value: null, reason: parseFailure(o, 'the package list is empty') };
    }
    return { value: { list: r.value, out: o }, reason: '' };
  };
  const all = load(packageList(out, 'all'), 'pm list packages');
  const disabled = load(packageList(out, 'disabled'), 'pm list packages -d');
  return { all: all.value, allReason: all.reason, disabled: disabled.value, disabledReason: disabled.reason };
}

interface PackageState {
  installed: boolean | null;
  enabled: boolean | null;
  versionName: string | null;
  versionCode: number | null;
  dump: PackageDump | null;
  dumpOut: Output | null;
}

/** What the package list and `dumpsys package PKG` say about one package, citing both. */
function readPackageState(sheet: SheetBuilder, out: OutputIndex, lists: PackageLists, pkg: string, path: string): PackageState {
  const state: PackageState = { installed: null, enabled: null, versionName: null, versionCode: null, dump: null, dumpOut: null };
  const reasons: string[] = [];

  if (lists.all) {
    const listed = lists.all.list.packages.get(pkg);
    state.installed = listed !== undefined;
    sheet.cite(`${path}.installed`, lists.all.out.command, listed ? listed.line : `no package:${pkg} line among ${lists.all.list.packages.size} packages`);
  } else {
    reasons.push(lists.allReason);
  }

  const dumpOut = packageDump(out, pkg);
  const problem = outputProblem(dumpOut, `dumpsys package ${pkg}`);
  if (problem || !dumpOut) {
    reasons.push(problem ?? 'missing');
  } else {
    const r = run(dumpOut, (t) => parseDumpsysPackage(t, pkg));
    if (!r.ok) {
      reasons.push(r.reason);
    } else {
      state.dump = r.value;
      state.dumpOut = dumpOut;
      const user0 = r.value.users.get(0);
      if (!r.value.found) {
        if (state.installed === null) {
          state.installed = false;
          sheet.cite(`${path}.installed`, dumpOut.command, `no "Package [${pkg}]" section in the output`);
        }
      } else {
        if (user0 && user0.value.installed !== null) {
          state.installed = user0.value.installed;
          sheet.cite(`${path}.installed`, dumpOut.command, user0.line);
        } else if (state.installed === null) {
          state.installed = true;
          sheet.cite(`${path}.installed`, dumpOut.command, `Package [${pkg}]`);
        }
        const enabledState = user0?.value.enabledState ?? null;
        if (user0 && enabledState !== null) {
          state.enabled = enabledState === 0 || enabledState === 1;
          sheet.cite(`${path}.enabled`, dumpOut.command, user0.line);
        }
        if (r.value.versionName) {
          state.versionName = r.value.versionName.value;
          sheet.cite(`${path}.versionName`, dumpOut.command, r.value.versionName.line);
        }
        if (r.value.versionCode) {
          state.versionCode = r.value.versionCode.value;
          sheet.cite(`${path}.versionCode`, dumpOut.command, r.value.versionCode.line);
        }
      }
    }
  }

  if (state.enabled === null && state.installed === true && lists.disabled) {
    const listed = lists.disabled.list.packages.get(pkg);
    state.enabled = listed === undefined;
    sheet.cite(`${path}.enabled`, lists.disabled.out.command, listed ? listed.line : `${pkg} is not in the disabled-package list`);
  }
  if (state.installed === false) {
    state.enabled = null;
    sheet.why(`${path}.enabled`, 'not installed');
    sheet.why(`${path}.versionName`, 'not installed');
    sheet.why(`${path}.versionCode`, 'not installed');
  }
  const reason = reasons.filter(Boolean).join('; ') || 'not printed by the phone';
  if (state.installed === null) sheet.why(`${path}.installed`, reason);
  if (state.enabled === null) sheet.why(`${path}.enabled`, lists.disabled ? reason : `${reason}; ${lists.disabledReason}`);
  if (state.versionName === null) sheet.why(`${path}.versionName`, state.dump?.found ? 'versionName not in dumpsys package output' : reason);
  if (state.versionCode === null) sheet.why(`${path}.versionCode`, state.dump?.found ? 'versionCode not in dumpsys package output' : reason);
  return state;
}

function readPushServices(sheet: SheetBuilder, out: OutputIndex, lists: PackageLists): void {
  for (const vendor of Object.values(VENDORS)) {
    for (const service of vendor.servicePackages) {
      const path = `pushServices.${service.package}`;
      const s = readPackageState(sheet, out, lists, service.package, path);
      const fact: PushServiceFact = {
        vendor: vendor.vendor, package: service.package,
        installed: s.installed, enabled: s.enabled, versionName: s.versionName, versionCode: s.versionCode,
      };
      sheet.facts.pushServices.push(fact);
      if (service.package === GOOGLE_PLAY_SERVICES) {
        const gms: GmsFact = { installed: s.installed, enabled: s.enabled, versionName: s.versionName };
        sheet.facts.gms = gms;
        for (const [from, to] of [['installed', 'gms.installed'], ['enabled', 'gms.enabled'], ['versionName', 'gms.versionName']] as const) {
          for (const e of sheet.evidence[`${path}.${from}`] ?? []) sheet.cite(to, e.command, e.excerpt);
          const why = sheet.unknown[`${path}.${from}`];
          if (why && gms[from] === null) sheet.why(to, why);
        }
      }
    }
  }
}

/** Whether the app is installed for user 0 and its own package block, for the other areas' readers. */
export function appPackageBasis(out: OutputIndex, app: string | null): { installed: boolean | null; dump: { dump: PackageDump; command: string } | null } {
  if (app === null) return { installed: null, dump: null };
  // A scratch sheet: the packages reader records the evidence; this only answers the question.
  const state = readPackageState(new SheetBuilder(), out, readPackageLists(out), app, 'app');
  return { installed: state.installed, dump: state.dump && state.dumpOut ? { dump: state.dump, command: state.dumpOut.command } : null };
}

function readAppPackage(sheet: SheetBuilder, input: ReadInput, app: AppFacts, lists: PackageLists): void {
  const pkg = app.package;
  const sdk = input.android?.sdk ?? null;
  const state = readPackageState(sheet, input.out, lists, pkg, 'app');
  app.installed = state.installed;
  app.enabled = state.enabled;
  app.versionName = state.versionName;
  app.versionCode = state.versionCode;
  if (state.installed === false) return;
  const dump = state.dump;
  const dumpCmd = state.dumpOut?.command ?? `dumpsys package ${pkg}`;
  const dumpReason = sheet.unknown['app.installed'] ?? sheet.unknown['app.versionCode'] ?? `\`${dumpCmd}\` had no section for ${pkg}`;
  const user0 = dump?.users.get(0);
  if (dump?.targetSdk) {
    app.targetSdk = dump.targetSdk.value;
    sheet.cite('app.targetSdk', dumpCmd, dump.targetSdk.line);
  } else {
    sheet.why('app.targetSdk', dump?.found ? 'targetSdk not in dumpsys package output' : dumpReason);
  }
  if (user0 && user0.value.stopped !== null) {
    app.stopped = user0.value.stopped;
    sheet.cite('app.stopped', dumpCmd, user0.line);
  } else {
    sheet.why('app.stopped', dump?.found ? 'no `User 0:` line with stopped= in dumpsys package output' : dumpReason);
  }

  if (sdk !== null && sdk < ANDROID_13) {
    sheet.why('app.postNotificationsGranted', 'not applicable: Android < 13');
  } else {
    const perm = user0?.value.runtimePermissions.get('android.permission.POST_NOTIFICATIONS');
    if (perm) {
      app.postNotificationsGranted = perm.value.granted;
      sheet.cite('app.postNotificationsGranted', dumpCmd, user0?.line, perm.line);
    } else if (sdk === null) {
      sheet.why('app.postNotificationsGranted', 'Android version unknown, so whether POST_NOTIFICATIONS applies is unknown');
    } else {
      sheet.why('app.postNotificationsGranted', dump?.found
        ? 'POST_NOTIFICATIONS is not among the runtime permissions of user 0'
        : dumpReason);
    }
  }
}

/** One package's block out of the whole `dumpsys package`, shaped like `dumpsys package PKG` prints it. */
export function extractPackageSection(packageDump: string, pkg: string): string | null {
  const lines = packageDump.split('\n');
  let inPackages = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('Packages:')) inPackages = true;
    else if (line.length > 0 && line[0] !== ' ') inPackages = false;
    if (!inPackages || !line.startsWith(`  Package [${pkg}] (`)) continue;
    const block = [line];
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j] ?? '';
      if (next.startsWith('  Package [') || (next.length > 0 && next[0] !== ' ') || next.trim() === '') break;
      block.push(next);
    }
    return `Packages:\n${block.join('\n')}\n`;
  }
  return null;
}

export type PackagesCommand =
  | { kind: 'pm-list-packages'; disabledOnly: boolean; enabledOnly: boolean; includeUninstalled: boolean }
  | { kind: 'dumpsys-package'; package: string | null };

export const packagesModule: ProbeModule<PackagesCommand> = {
  dispatch(c) {
    const pm = /^(?:pm|cmd package) list packages((?: -[a-zA-Z0-9]+| --show-versioncode| --user (?:\d+|current|all)| --uid \d+)*)$/.exec(c);
    if (pm) {
      const flags = (pm[1] ?? '').split(' ').filter((f) => f.startsWith('-') && !f.startsWith('--'))
        .flatMap((f) => f.slice(1).split(''));
      return {
        kind: 'pm-list-packages',
        disabledOnly: flags.includes('d'),
        enabledOnly: flags.includes('e'),
        includeUninstalled: flags.includes('u'),
      };
    }
    const pkgDump = new RegExp(`^dumpsys package(?: (${PKG}))?$`).exec(c);
    return pkgDump ? { kind: 'dumpsys-package', package: pkgDump[1] ?? null } : null;
  },
  area: 'packages',
  probes(app) {
    const plan: Probe[] = [
      { id: 'pm-list-packages', command: 'pm list packages --user 0', purpose: 'installed apps and push services' },
      { id: 'pm-list-packages-disabled', command: 'pm list packages -d --user 0', purpose: 'disabled push services' },
    ];
    for (const service of ALL_PUSH_SERVICE_PACKAGES) {
      plan.push({ id: `dumpsys-package:${assertSafePackageName(service)}`, command: `dumpsys package ${service}`, purpose: 'push service version and state' });
    }
    if (app !== null) plan.push({ id: 'dumpsys-package-app', command: `dumpsys package ${app}`, purpose: 'app version, stopped state, permissions' });
    return plan;
  },
  fromBugreport(sections, packages) {
    const dump = sections.service('package');
    if (dump === null) return [];
    // A package with no block is reported as not installed by the parser; keep an empty dump for that.
    return packages.map((pkg): RawOutput => bugreportOutput(`dumpsys package ${pkg}`, extractPackageSection(dump, pkg) ?? ''));
  },
  read(input, sheet) {
    const lists = readPackageLists(input.out);
    readPushServices(sheet, input.out, lists);
    if (sheet.facts.app && input.app !== null) readAppPackage(sheet, input, sheet.facts.app, lists);
  },
};
