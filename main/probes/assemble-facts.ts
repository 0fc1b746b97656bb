import {
  emptyDeviceFacts, type AppFacts, type ChannelFact, type DeviceFacts, type Evidence, type FactSheet,
  type GmsFact, type PushLogFacts, type PushServiceFact,
} from '../../common/domain/facts.js';
import { gmsUsable, pickPushChannel } from '../diagnosis/push-channel.js';
import { VENDORS } from '../../common/vendors/vendor-table.js';
import { dispatchCommand, normalizeCommandLine, type DispatchedCommand } from './command-dispatch.js';
import { androidVersion, detectRom, productProp, type Props } from './device-props.js';
import type { Cited, ParseResult } from './parse-result.js';
import { commandForProbeId } from './probe-plan.js';
import { parseAppHibernation } from './parsers/app-hibernation.js';
import { parseAppOps } from './parsers/appops.js';
import { parseDeviceIdleWhitelist } from './parsers/deviceidle.js';
import { parseDumpsysNotification, type NotificationDump } from './parsers/dumpsys-notification.js';
import { parseDumpsysPackage, type PackageDump } from './parsers/dumpsys-package.js';
import { parseGetprop } from './parsers/getprop.js';
import { parseRestrictBackground, parseRestrictBackgroundWhitelist } from './parsers/netpolicy.js';
import { parsePmListPackages, type PackageList } from './parsers/pm-list-packages.js';
import { scanPushLog } from './parsers/push-log.js';
import { parseSettingsGet, parseSettingsList } from './parsers/settings.js';
import { parseStandbyBucket } from './parsers/standby-bucket.js';

/**
 * Turns raw outputs (keyed by probe id or by the command line that produced them) into the FactSheet the
 * diagnosis reads. Every fact gets evidence (command + the exact line) and every null a reason: probe
 * missing, command failed, unparseable or cut-short output, or not applicable on this Android version.
 * Nothing here throws on odd input: a fact it cannot read stays null with the reason why.
 */
export type ProbeOutput = { text: string; exitCode: number | null } | { error: string };

interface Output {
  command: string;
  dispatched: DispatchedCommand;
  result: ProbeOutput;
}

const ANDROID_13 = 33;
const ANDROID_12 = 31;
const ANDROID_9 = 28;

class SheetBuilder {
  readonly facts: DeviceFacts = emptyDeviceFacts();
  readonly evidence: Record<string, Evidence[]> = {};
  readonly unknown: Record<string, string> = {};

  cite(path: string, command: string, ...lines: (string | null | undefined)[]): void {
    const items = lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '')
      .map((excerpt) => ({ command, excerpt: excerpt.trim() }));
    if (items.length === 0) return;
    const list = (this.evidence[path] ??= []);
    for (const item of items) {
      if (!list.some((e) => e.command === item.command && e.excerpt === item.excerpt)) list.push(item);
    }
  }

  why(path: string, reason: string): void {
    this.unknown[path] ??= reason;
  }
}

/** The reason an output could not give a value, or null when it has text worth parsing. */
function outputProblem(out: Output | undefined, what: string): string | null {
  if (!out) return `probe missing: no output for \`${what}\``;
  if ('error' in out.result) return `command failed: \`${out.command}\`: ${out.result.error}`;
  return null;
}

function parseFailure(out: Output, reason: string): string {
  if ('error' in out.result) return reason;
  const { exitCode } = out.result;
  if (exitCode === null) return `output cut short (no exit status) and unreadable: ${reason}`;
  if (exitCode !== 0) return `\`${out.command}\` exited with ${exitCode}: ${reason}`;
  return `unparseable output of \`${out.command}\`: ${reason}`;
}

function text(out: Output): string {
  return 'text' in out.result ? out.result.text : '';
}

function run<T>(out: Output, parse: (t: string) => ParseResult<T>): ParseResult<T> {
  const result = parse(text(out));
  if (!result.ok) return { ok: false, reason: parseFailure(out, result.reason) };
  return result;
}

/** The parsed output for the facts at `paths`, or null after recording on each of them why it could not be read. */
function readFor<T>(
  sheet: SheetBuilder, paths: readonly string[], o: Output | undefined, what: string, parse: (t: string) => ParseResult<T>,
): { value: T; out: Output } | null {
  const problem = outputProblem(o, what);
  if (problem || !o) {
    for (const p of paths) sheet.why(p, problem ?? 'missing');
    return null;
  }
  const r = run(o, parse);
  if (!r.ok) {
    for (const p of paths) sheet.why(p, r.reason);
    return null;
  }
  return { value: r.value, out: o };
}

class Outputs {
  private readonly items: Output[] = [];

  constructor(raw: Map<string, ProbeOutput>, app: string | null) {
    for (const [key, result] of raw) {
      const command = normalizeCommandLine(commandForProbeId(key, app) ?? key);
      const dispatched = dispatchCommand(command);
      if (dispatched) this.items.push({ command, dispatched, result });
    }
  }

  find(pred: (d: DispatchedCommand) => boolean): Output | undefined {
    const all = this.items.filter((o) => pred(o.dispatched));
    // Prefer an output with text over one that failed, when both forms were captured.
    return all.find((o) => 'text' in o.result) ?? all[0];
  }

  packageList(kind: 'all' | 'disabled'): Output | undefined {
    return this.find((d) => d.kind === 'pm-list-packages' && !d.enabledOnly
      && (kind === 'disabled' ? d.disabledOnly : !d.disabledOnly && !d.includeUninstalled))
      ?? (kind === 'all' ? this.find((d) => d.kind === 'pm-list-packages' && !d.disabledOnly && !d.enabledOnly) : undefined);
  }

  packageDump(pkg: string): Output | undefined {
    return this.find((d) => d.kind === 'dumpsys-package' && d.package === pkg)
      ?? this.find((d) => d.kind === 'dumpsys-package' && d.package === null);
  }

  settings(ns: 'global' | 'secure' | 'system', key: string): Output | undefined {
    return this.find((d) => d.kind === 'settings-get' && d.namespace === ns && d.key === key)
      ?? this.find((d) => d.kind === 'settings-list' && d.namespace === ns);
  }
}

export function assembleFacts(outputs: Map<string, ProbeOutput>, app: string | null): FactSheet {
  const sheet = new SheetBuilder();
  const out = new Outputs(outputs, app);
  try {
    readDevice(sheet, out);
    const lists = readPackageLists(out);
    readPushServices(sheet, out, lists);
    readChannel(sheet);
    readSystem(sheet, out);
    if (app === null) {
      sheet.why('app', 'no app under test was named');
    } else {
      sheet.facts.app = readApp(sheet, out, app, lists);
    }
    sheet.facts.pushLog = readPushLog(sheet, out, app);
  } catch (error) {
    sheet.why('facts', `facts assembly stopped early: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { facts: sheet.facts, evidence: sheet.evidence, unknown: sheet.unknown };
}

function readDevice(sheet: SheetBuilder, out: Outputs): void {
  const getprop = out.find((d) => d.kind === 'getprop');
  const problem = outputProblem(getprop, 'getprop');
  const identity = ['manufacturer', 'brand', 'model', 'device', 'android', 'rom'] as const;
  if (problem || !getprop) {
    for (const p of identity) sheet.why(p, problem ?? 'getprop missing');
    return;
  }
  const parsed = run(getprop, parseGetprop);
  if (!parsed.ok) {
    for (const p of identity) sheet.why(p, parsed.reason);
    return;
  }
  const props: Props = parsed.value.props;
  const truncatedNote = parsed.value.truncated ? ' (getprop output was cut short)' : '';
  for (const field of ['manufacturer', 'brand', 'model', 'device'] as const) {
    const v = productProp(props, field);
    if (v && v.value !== '') {
      sheet.facts[field] = v.value;
      sheet.cite(field, getprop.command, v.line);
    } else {
      sheet.why(field, `ro.product.${field} not in getprop output${truncatedNote}`);
    }
  }
  const android = androidVersion(props);
  if (android) {
    sheet.facts.android = android.version;
    sheet.cite('android', getprop.command, ...android.lines);
  } else {
    sheet.why('android', `ro.build.version.release/sdk not in getprop output${truncatedNote}`);
  }
  const rom = detectRom(props, sheet.facts.brand, sheet.facts.manufacturer);
  sheet.facts.rom = rom.rom;
  sheet.cite('rom', getprop.command, ...rom.lines);
}

interface PackageLists {
  all: { list: PackageList; out: Output } | null;
  allReason: string;
  disabled: { list: PackageList; out: Output } | null;
  disabledReason: string;
}

function readPackageLists(out: Outputs): PackageLists {
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
  const all = load(out.packageList('all'), 'pm list packages');
  const disabled = load(out.packageList('disabled'), 'pm list packages -d');
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
function readPackageState(sheet: SheetBuilder, out: Outputs, lists: PackageLists, pkg: string, path: string): PackageState {
  const state: PackageState = { installed: null, enabled: null, versionName: null, versionCode: null, dump: null, dumpOut: null };
  const reasons: string[] = [];

  if (lists.all) {
    const listed = lists.all.list.packages.get(pkg);
    state.installed = listed !== undefined;
    sheet.cite(`${path}.installed`, lists.all.out.command, listed ? listed.line : `no package:${pkg} line among ${lists.all.list.packages.size} packages`);
  } else {
    reasons.push(lists.allReason);
  }

  const dumpOut = out.packageDump(pkg);
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

function readPushServices(sheet: SheetBuilder, out: Outputs, lists: PackageLists): void {
  for (const vendor of Object.values(VENDORS)) {
    for (const service of vendor.servicePackages) {
      const path = `pushServices.${service.package}`;
      const s = readPackageState(sheet, out, lists, service.package, path);
      const fact: PushServiceFact = {
        vendor: vendor.vendor, package: service.package,
        installed: s.installed, enabled: s.enabled, versionName: s.versionName, versionCode: s.versionCode,
      };
      sheet.facts.pushServices.push(fact);
      if (service.package === 'com.google.android.gms') {
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

function readChannel(sheet: SheetBuilder): void {
  const { brand, manufacturer, gms } = sheet.facts;
  const gmsAvailable = gmsUsable(gms);
  const channel = pickPushChannel({ brand, manufacturer, gmsAvailable });
  sheet.facts.pushChannel = channel;
  if (channel === null) {
    sheet.why('pushChannel', brand === null || manufacturer === null
      ? 'brand or manufacturer unknown'
      : 'no vendor channel for this brand and Google Play services state unknown');
    return;
  }
  for (const p of ['brand', 'manufacturer']) {
    for (const e of sheet.evidence[p] ?? []) sheet.cite('pushChannel', e.command, e.excerpt);
  }
  if (channel === 'fcm' || channel === 'none') {
    for (const e of sheet.evidence['gms.installed'] ?? []) sheet.cite('pushChannel', e.command, e.excerpt);
  }
}

function settingValue(sheet: SheetBuilder, out: Outputs, ns: 'global' | 'secure' | 'system', key: string, path: string): Cited<string> | null {
  const o = out.settings(ns, key);
  const problem = outputProblem(o, `settings list ${ns}`);
  if (problem || !o) {
    sheet.why(path, problem ?? 'missing');
    return null;
  }
  if (o.dispatched.kind === 'settings-get') {
    const r = run(o, parseSettingsGet);
    if (!r.ok) {
      sheet.why(path, r.reason);
      return null;
    }
    if (r.value.value === null) {
      sheet.why(path, `${key} is not set on this phone (\`${o.command}\` printed null)`);
      return null;
    }
    sheet.cite(path, o.command, r.value.line);
    return { value: r.value.value, line: r.value.line };
  }
  const r = run(o, parseSettingsList);
  if (!r.ok) {
    sheet.why(path, r.reason);
    return null;
  }
  const v = r.value.values.get(key);
  if (!v) {
    sheet.why(path, `${key} is not set on this phone (absent from \`${o.command}\`)`);
    return null;
  }
  if (v.value === 'null') {
    sheet.why(path, `${key} is null in \`${o.command}\``);
    return null;
  }
  sheet.cite(path, o.command, v.line);
  return v;
}

function intSetting(v: Cited<string> | null): number | null {
  if (!v) return null;
  const n = Number(v.value.trim());
  return Number.isInteger(n) ? n : null;
}

function readSystem(sheet: SheetBuilder, out: Outputs): void {
  const sys = sheet.facts.system;
  const zen = intSetting(settingValue(sheet, out, 'global', 'zen_mode', 'system.zenMode'));
  if (zen !== null) {
    sys.zenMode = zen;
  } else {
    const n = out.find((d) => d.kind === 'dumpsys-notification');
    if (n && !outputProblem(n, 'dumpsys notification')) {
      const r = run(n, (t) => parseDumpsysNotification(t, null));
      if (r.ok && r.value.zenMode) {
        sys.zenMode = r.value.zenMode.value;
        delete sheet.unknown['system.zenMode'];
        sheet.cite('system.zenMode', n.command, r.value.zenMode.line);
      }
    }
  }
  const flag = (v: Cited<string> | null, path: string): boolean | null => {
    const n = intSetting(v);
    if (v && n === null) sheet.why(path, `not a number: ${v.line}`);
    return n === null ? null : n !== 0;
  };
  sys.lockScreenShowNotifications = flag(settingValue(sheet, out, 'secure', 'lock_screen_show_notifications', 'system.lockScreenShowNotifications'), 'system.lockScreenShowNotifications');
  sys.lockScreenShowPrivate = flag(settingValue(sheet, out, 'secure', 'lock_screen_allow_private_notifications', 'system.lockScreenShowPrivate'), 'system.lockScreenShowPrivate');
  sys.batterySaver = flag(settingValue(sheet, out, 'global', 'low_power', 'system.batterySaver'), 'system.batterySaver');
  sys.ringerMode = intSetting(settingValue(sheet, out, 'global', 'mode_ringer', 'system.ringerMode'));

  const np = readFor(sheet, ['system.dataSaver'], out.find((d) => d.kind === 'netpolicy-restrict-background'),
    'cmd netpolicy get restrict-background', parseRestrictBackground);
  if (np) {
    sys.dataSaver = np.value.value;
    sheet.cite('system.dataSaver', np.out.command, np.value.line);
  }
}

function readApp(sheet: SheetBuilder, out: Outputs, pkg: string, lists: PackageLists): AppFacts {
  const sdk = sheet.facts.android?.sdk ?? null;
  const state = readPackageState(sheet, out, lists, pkg, 'app');
  const app: AppFacts = {
    package: pkg, installed: state.installed, enabled: state.enabled, versionName: state.versionName,
    versionCode: state.versionCode, targetSdk: null, stopped: null, notificationsEnabled: null,
    postNotificationsGranted: null, standbyBucket: null, batteryOptimizationExempt: null, backgroundRestricted: null,
    dataSaverExempt: null, hibernated: null, autostartAllowed: null, channels: null,
  };
  const dump = state.dump;
  const dumpCmd = state.dumpOut?.command ?? `dumpsys package ${pkg}`;
  const notInstalled = state.installed === false;
  const appFields = ['targetSdk', 'stopped', 'notificationsEnabled', 'postNotificationsGranted', 'standbyBucket',
    'batteryOptimizationExempt', 'backgroundRestricted', 'dataSaverExempt', 'hibernated', 'autostartAllowed', 'channels'] as const;
  if (notInstalled) {
    for (const f of appFields) sheet.why(`app.${f}`, `${pkg} is not installed for user 0`);
    return app;
  }

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

  readAppNotifications(sheet, out, pkg, app, sdk);
  readStandby(sheet, out, app);
  readDeviceIdle(sheet, out, pkg, app);
  readAppOps(sheet, out, pkg, app, sdk);
  readDataSaverExempt(sheet, out, app, dump, dumpCmd);
  readHibernation(sheet, out, app, sdk);
  return app;
}

function readAppNotifications(sheet: SheetBuilder, out: Outputs, pkg: string, app: AppFacts, sdk: number | null): void {
  const n = out.find((d) => d.kind === 'dumpsys-notification');
  const problem = outputProblem(n, 'dumpsys notification --noredact');
  let dump: NotificationDump | null = null;
  if (problem || !n) {
    sheet.why('app.notificationsEnabled', problem ?? 'missing');
    sheet.why('app.channels', problem ?? 'missing');
  } else {
    const r = run(n, (t) => parseDumpsysNotification(t, pkg));
    if (!r.ok) {
      sheet.why('app.notificationsEnabled', r.reason);
      sheet.why('app.channels', r.reason);
    } else {
      dump = r.value;
    }
  }
  if (!dump || !n || !dump.app) {
    if (app.postNotificationsGranted !== null && sdk !== null && sdk >= ANDROID_13) {
      app.notificationsEnabled = app.postNotificationsGranted;
      for (const e of sheet.evidence['app.postNotificationsGranted'] ?? []) sheet.cite('app.notificationsEnabled', e.command, e.excerpt);
      delete sheet.unknown['app.notificationsEnabled'];
    }
    return;
  }
  const settings = dump.app.settings;
  if (settings) {
    const blocked = settings.importance === 0 || settings.banned === true;
    app.notificationsEnabled = !blocked;
    sheet.cite('app.notificationsEnabled', n.command, settings.line);
  } else if (dump.hasPreferences) {
    if (sdk !== null && sdk >= ANDROID_13 && app.postNotificationsGranted !== null) {
      app.notificationsEnabled = app.postNotificationsGranted;
      for (const e of sheet.evidence['app.postNotificationsGranted'] ?? []) sheet.cite('app.notificationsEnabled', e.command, e.excerpt);
    } else {
      // No preferences record: the app never changed from the defaults, which allow notifications.
      app.notificationsEnabled = true;
      sheet.cite('app.notificationsEnabled', n.command, `no "AppSettings: ${pkg}" line (app at default notification settings)`);
    }
  } else {
    sheet.why('app.notificationsEnabled', `no preference section in \`${n.command}\` (output cut short or not a notification dump)`);
  }

  if (!dump.hasPreferences && !settings) {
    sheet.why('app.channels', `no preference section in \`${n.command}\` (output cut short or not a notification dump)`);
    return;
  }
  const groupsBlocked = new Set(dump.app.groups.filter((g) => g.blocked === true).map((g) => g.id));
  const channels: ChannelFact[] = dump.app.channels.map((c) => ({
    id: c.id,
    // A name cut by dumpsys redaction ("Abc...") is not the channel's name: unknown, not a guess.
    name: c.nameRedacted ? null : c.name,
    importance: c.importance,
    blocked: c.importance === null ? null : c.importance === 0 || (c.group !== null && groupsBlocked.has(c.group)),
    sound: c.sound,
    vibration: c.vibrationEnabled,
    lockscreenVisibility: c.lockscreenVisibility,
    showBadge: c.showBadge,
    bypassDnd: c.bypassDnd,
    group: c.group,
  }));
  app.channels = channels;
  if (channels.length === 0) {
    sheet.cite('app.channels', n.command, settings?.line ?? `no "AppSettings: ${pkg}" line: the app has created no channels`);
  }
  for (const c of dump.app.channels) {
    sheet.cite(`app.channels.${c.id}`, n.command, c.line);
    if (c.truncated) sheet.why(`app.channels.${c.id}`, 'channel line cut short; fields after the cut are unknown');
    if (c.nameRedacted) sheet.why(`app.channels.${c.id}.name`, 'name redacted by dumpsys (capture taken without --noredact)');
  }
}

function readStandby(sheet: SheetBuilder, out: Outputs, app: AppFacts): void {
  const sdk = sheet.facts.android?.sdk ?? null;
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

function readDeviceIdle(sheet: SheetBuilder, out: Outputs, pkg: string, app: AppFacts): void {
  const o = out.find((d) => d.kind === 'deviceidle' && d.whitelistOnly) ?? out.find((d) => d.kind === 'deviceidle');
  const r = readFor(sheet, ['app.batteryOptimizationExempt'], o, 'dumpsys deviceidle whitelist', parseDeviceIdleWhitelist);
  if (!r) return;
  const mine = r.value.entries.filter((e) => e.package === pkg);
  const exempt = mine.find((e) => e.kind === 'system' || e.kind === 'user');
  app.batteryOptimizationExempt = exempt !== undefined;
  if (exempt) sheet.cite('app.batteryOptimizationExempt', r.out.command, exempt.line);
  else sheet.cite('app.batteryOptimizationExempt', r.out.command, ...mine.map((e) => e.line), `${pkg} not in the system or user whitelist (${r.value.entries.length} entries)`);
}

function readAppOps(sheet: SheetBuilder, out: Outputs, pkg: string, app: AppFacts, sdk: number | null): void {
  const found = out.find((d) => d.kind === 'appops' && d.package === pkg && d.op === null)
    ?? out.find((d) => d.kind === 'appops' && d.package === pkg);
  const r = readFor(sheet, ['app.backgroundRestricted', 'app.autostartAllowed'], found, `cmd appops get ${pkg}`, parseAppOps);
  if (!r) return;
  const { value: ops, out: o } = r;

  const opName = sdk !== null && sdk < ANDROID_9 ? 'RUN_IN_BACKGROUND' : 'RUN_ANY_IN_BACKGROUND';
  const onlyOp = o.dispatched.kind === 'appops' ? o.dispatched.op : null;
  const bg = ops.ops.get(opName);
  if (bg) {
    app.backgroundRestricted = bg.mode === 'ignore' || bg.mode === 'deny' || bg.mode === 'errored';
    sheet.cite('app.backgroundRestricted', o.command, bg.line);
  } else if (onlyOp === null || onlyOp === opName) {
    app.backgroundRestricted = false;
    sheet.cite('app.backgroundRestricted', o.command, ops.noOperations ? 'No operations.' : `no ${opName} line (op at its default: allowed)`);
  } else {
    sheet.why('app.backgroundRestricted', `\`${o.command}\` asked for ${onlyOp} only`);
  }

  const autostart = ops.ops.get('MIUIOP(10008)') ?? ops.ops.get('Unknown(10008)');
  const xiaomi = sheet.facts.pushChannel === 'xiaomi' || ['MIUI', 'HyperOS'].includes(sheet.facts.rom?.name ?? '');
  if (autostart) {
    if (autostart.mode === 'allow') app.autostartAllowed = true;
    else if (autostart.mode === 'ignore' || autostart.mode === 'deny' || autostart.mode === 'errored') app.autostartAllowed = false;
    else sheet.why('app.autostartAllowed', `autostart op mode "${autostart.mode}" is neither allow nor deny`);
    sheet.cite('app.autostartAllowed', o.command, autostart.line);
  } else {
    sheet.why('app.autostartAllowed', xiaomi
      ? 'MIUIOP(10008) not printed by cmd appops on this phone'
      : 'not applicable: this phone exposes no autostart app-op (check the vendor settings screen)');
  }
}

function readDataSaverExempt(sheet: SheetBuilder, out: Outputs, app: AppFacts, dump: PackageDump | null, dumpCmd: string): void {
  const r = readFor(sheet, ['app.dataSaverExempt'], out.find((d) => d.kind === 'netpolicy-whitelist'),
    'cmd netpolicy list restrict-background-whitelist', parseRestrictBackgroundWhitelist);
  if (!r) return;
  const appId = dump?.appId ?? null;
  if (!appId) {
    sheet.why('app.dataSaverExempt', 'the app uid is unknown (userId= not read from dumpsys package)');
    return;
  }
  // The user-0 uid equals the app id; the whitelist lists uids.
  app.dataSaverExempt = r.value.value.includes(appId.value);
  sheet.cite('app.dataSaverExempt', r.out.command, r.value.line);
  sheet.cite('app.dataSaverExempt', dumpCmd, appId.line);
}

function readHibernation(sheet: SheetBuilder, out: Outputs, app: AppFacts, sdk: number | null): void {
  if (sdk !== null && sdk < ANDROID_12) {
    sheet.why('app.hibernated', 'not applicable: Android < 12');
    return;
  }
  const r = readFor(sheet, ['app.hibernated'], out.find((d) => d.kind === 'app-hibernation' && d.package === app.package),
    `cmd app_hibernation get-state ${app.package}`, parseAppHibernation);
  if (!r) return;
  app.hibernated = r.value.value;
  sheet.cite('app.hibernated', r.out.command, r.value.line);
}

function readPushLog(sheet: SheetBuilder, out: Outputs, app: string | null): PushLogFacts | null {
  const o = out.find((d) => d.kind === 'logcat');
  const problem = outputProblem(o, 'logcat -d');
  if (problem || !o) {
    sheet.why('pushLog', problem ?? 'missing');
    return null;
  }
  const scan = scanPushLog(text(o), app);
  if (scan.logLines === 0) {
    sheet.why('pushLog', text(o).trim() === ''
      ? `\`${o.command}\` printed nothing (log buffer empty or cleared): nothing to scan`
      : parseFailure(o, 'no logcat lines in the output'));
    return null;
  }
  const facts: PushLogFacts = {
    tokenReceived: false, tokenReported: false, businessId: null, lastError: null, fcmCancelledForStoppedApp: false,
  };
  const cmd = o.command;
  for (const e of scan.events) {
    switch (e.kind) {
      case 'token-received':
        facts.tokenReceived = true;
        sheet.cite('pushLog.tokenReceived', cmd, e.excerpt);
        break;
      case 'token-config':
        if (e.token !== '') {
          facts.tokenReceived = true;
          sheet.cite('pushLog.tokenReceived', cmd, e.excerpt);
        }
        facts.businessId = e.businessId;
        sheet.cite('pushLog.businessId', cmd, e.excerpt);
        break;
      case 'token-reported':
        facts.tokenReported = true;
        sheet.cite('pushLog.tokenReported', cmd, e.excerpt);
        break;
      case 'report-error':
      case 'registration-error':
        facts.lastError = e.excerpt;
        sheet.cite('pushLog.lastError', cmd, e.excerpt);
        break;
      case 'fcm-cancelled':
        facts.fcmCancelledForStoppedApp = true;
        sheet.cite('pushLog.fcmCancelledForStoppedApp', cmd, e.excerpt);
        break;
    }
  }
  const none = `no matching line in ${scan.logLines} logcat lines`;
  if (!facts.tokenReceived) sheet.cite('pushLog.tokenReceived', cmd, none);
  if (!facts.tokenReported) sheet.cite('pushLog.tokenReported', cmd, none);
  if (!facts.fcmCancelledForStoppedApp) sheet.cite('pushLog.fcmCancelledForStoppedApp', cmd, none);
  if (facts.businessId === null) sheet.why('pushLog.businessId', `setOfflinePushConfig not logged (${none})`);
  if (facts.lastError === null) sheet.why('pushLog.lastError', 'no registration error logged');
  return facts;
}

