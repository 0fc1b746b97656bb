import { PKG, USER_OPT } from '../command-grammar.js';
import type { ProbeModule } from '../probe-module.js';
import { readFor } from '../read-kit.js';
import { parseAppHibernation } from './app-hibernation.js';

/**
 * App hibernation (Android 12+): an app unused for months is hibernated, its notifications stop until it is
 * opened again. Read with `cmd app_hibernation get-state PKG`; bug reports have no equivalent section.
 */

const ANDROID_12 = 31;

export type HibernationCommand = { kind: 'app-hibernation'; package: string };

export const hibernationModule: ProbeModule<HibernationCommand> = {
  area: 'hibernation',
  dispatch(c) {
    const hib = new RegExp(`^cmd app_hibernation get-state${USER_OPT} (${PKG})${USER_OPT}$`).exec(c);
    return hib ? { kind: 'app-hibernation', package: hib[1] ?? '' } : null;
  },
  probes: (app) => (app === null ? [] : [
    { id: 'app-hibernation', command: `cmd app_hibernation get-state ${app}`, purpose: 'app hibernation (Android 12+)' },
  ]),
  fromBugreport: () => [],
  read({ out, app: pkg, android, appInstalled }, sheet) {
    const app = sheet.facts.app;
    if (!app || pkg === null || appInstalled === false) return;
    const sdk = android?.sdk ?? null;
    if (sdk !== null && sdk < ANDROID_12) {
      sheet.why('app.hibernated', 'not applicable: Android < 12');
      return;
    }
    const r = readFor(sheet, ['app.hibernated'], out.find((d) => d.kind === 'app-hibernation' && d.package === pkg),
      `cmd app_hibernation get-state ${pkg}`, parseAppHibernation);
    if (!r) return;
    app.hibernated = r.value.value;
    sheet.cite('app.hibernated', r.out.command, r.value.line);
  },
};
