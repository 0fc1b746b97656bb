import { apkModule } from './apk/apk-module.js';
import { hibernationModule } from './hibernation/hibernation-module.js';
import { notificationModule } from './notification/notification-module.js';
import { packagesModule } from './packages/packages-module.js';
import { powerModule } from './power/power-module.js';
import { propsModule } from './props/props-module.js';
import { pushLogModule } from './push-log/push-log-module.js';
import { settingsModule } from './settings/settings-module.js';

/** Every area an audit reads. A new area is one module and one line here; readers do not depend on this order. */
export const PROBE_MODULES = [
  propsModule, packagesModule, notificationModule, settingsModule, powerModule, pushLogModule,
  hibernationModule, apkModule,
] as const;
