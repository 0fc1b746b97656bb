import type { AppFacts, FactSheet } from '../../common/domain/facts.js';
import type { RawOutput } from '../../common/domain/raw-output.js';
import type { ApkInput } from './apk/apk-module.js';
import { dispatchCommand } from './command-dispatch.js';
import { appPackageBasis } from './packages/packages-module.js';
import type { ReadInput } from './probe-module.js';
import { PROBE_MODULES } from './probe-modules.js';
import { commandForProbeId } from './probe-plan.js';
import { deviceBasis } from './props/props-module.js';
import { OutputIndex, SheetBuilder } from './read-kit.js';

/**
 * Turns raw outputs (each `command` a probe id or the command line that produced it) into the FactSheet the
 * diagnosis reads, by running every area's reader (probe-modules.ts). Every fact gets evidence (command + the
 * exact line) and every null a reason: probe missing, command failed, unparseable or cut-short output, or not
 * applicable on this Android version. What the phone printed is reported as printed; conclusions drawn from
 * several facts (the push channel, whether notifications are effectively on) are the diagnosis's.
 * Nothing here throws on odd input: a fact it cannot read stays null with the reason why.
 */
/** What an audit reads besides command outputs: the APK inspection and the click target the engineer entered. */
export interface AssembleExtras {
  apk?: ApkInput | null;
  clickTarget?: string | null;
}

export function assembleFacts(outputs: readonly RawOutput[], app: string | null, extras: AssembleExtras = {}): FactSheet {
  const sheet = new SheetBuilder();
  try {
    const out = new OutputIndex(outputs, (key) => commandForProbeId(key, app), dispatchCommand);
    // The facts other areas need, worked out from the outputs before any reader runs.
    const device = deviceBasis(out);
    const pkg = appPackageBasis(out, app);
    const input: ReadInput = { out, app, android: device.android, rom: device.rom, appPackage: pkg.dump, appInstalled: pkg.installed,
      apk: extras.apk ?? null, clickTarget: extras.clickTarget ?? null };
    if (app === null) sheet.why('app', 'no app under test was named');
    else sheet.facts.app = emptyAppFacts(app);
    for (const module of PROBE_MODULES) {
      try {
        module.read(input, sheet);
      } catch (error) {
        sheet.why(`facts.${module.area}`, `the ${module.area} reader stopped early: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (sheet.facts.app && pkg.installed === false) {
      for (const f of APP_FIELDS_NEEDING_INSTALL) sheet.why(`app.${f}`, `${app} is not installed for user 0`);
    }
  } catch (error) {
    sheet.why('facts', `facts assembly stopped early: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { facts: sheet.facts, evidence: sheet.evidence, unknown: sheet.unknown };
}

/** App facts that only an installed app has; readers leave them null when the app is not installed. */
const APP_FIELDS_NEEDING_INSTALL = [
  'targetSdk', 'stopped', 'notificationImportance', 'notificationsEnabled', 'postNotificationsGranted', 'standbyBucket',
  'batteryOptimizationExempt', 'backgroundRestricted', 'dataSaverExempt', 'hibernated', 'autostartAllowed', 'channels',
] as const satisfies readonly (keyof AppFacts)[];

function emptyAppFacts(pkg: string): AppFacts {
  return {
    package: pkg, installed: null, enabled: null, versionName: null, versionCode: null, targetSdk: null, stopped: null,
    notificationImportance: null, notificationsEnabled: null, postNotificationsGranted: null, standbyBucket: null,
    batteryOptimizationExempt: null, backgroundRestricted: null, dataSaverExempt: null, hibernated: null,
    autostartAllowed: null, channels: null,
  };
}
