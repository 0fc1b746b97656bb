import { assertSafePackageName, isSafePackageName } from '../adb/shell-safety.js';
import { clickTargetProbe } from './apk/apk-module.js';
import type { Probe } from './probe-module.js';
import { PROBE_MODULES } from './probe-modules.js';

export type { Probe } from './probe-module.js';

/**
 * What an audit runs on a phone: one command per probe, so each can run as its own concurrent shell
 * stream and fail on its own. Each area's module lists its own commands; the set is the least that answers
 * checklist sections 0, 1, 5, 6 and `push-token-reported`.
 */

/**
 * The probes for a phone, with the app under test when one is named. An unsafe package name throws
 * DevicePortError INVALID_INPUT before anything reaches a shell.
 */
export function probePlan(app: string | null, options: { clickTarget?: string | null } = {}): Probe[] {
  const pkg = app === null ? null : assertSafePackageName(app);
  const plan = PROBE_MODULES.flatMap((m) => m.probes(pkg));
  // The click target is the engineer's text: it reaches the shell only through resolveActivityCommand's quoting.
  const click = options.clickTarget ? clickTargetProbe(options.clickTarget, pkg) : null;
  return click ? [...plan, click] : plan;
}

/** The command a probe id stands for, so captures and callers may key outputs by id or by command. */
export function commandForProbeId(id: string, app: string | null): string | null {
  if (id.startsWith('dumpsys-package:')) {
    const pkg = id.slice('dumpsys-package:'.length);
    return isSafePackageName(pkg) ? `dumpsys package ${pkg}` : null;
  }
  const appSafe = app !== null && isSafePackageName(app) ? app : null;
  return probePlan(appSafe).find((probe) => probe.id === id)?.command ?? null;
}
