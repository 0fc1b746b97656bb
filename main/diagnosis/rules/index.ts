import { vivoManifestKeys } from './vivo-manifest-keys.js';
import { honorManifestAppid } from './honor-manifest-appid.js';
import { vendorComponentsMissing } from './vendor-components-missing.js';
import { huaweiAgconnectMissing } from './huawei-agconnect-missing.js';
import { fcmConfigMissing } from './fcm-config-missing.js';
import { clickTargetUnresolved } from './click-target-unresolved.js';
import { postNotificationsUndeclared } from './post-notifications-undeclared.js';
import { fcmDefaultChannelMissing } from './fcm-default-channel-missing.js';
import { appForceStopped } from './app-force-stopped.js';
import { appHibernated } from './app-hibernated.js';
import { appNotInstalled } from './app-not-installed.js';
import { appNotificationsBlocked } from './app-notifications-blocked.js';
import { autostartDenied } from './autostart-denied.js';
import { backgroundRestricted } from './background-restricted.js';
import { batteryOptimized } from './battery-optimized.js';
import { batterySaverOn } from './battery-saver-on.js';
import { channelBlocked } from './channel-blocked.js';
import { channelSilent } from './channel-silent.js';
import { consoleCertificate } from './console-certificate.js';
import { dataSaverOn } from './data-saver-on.js';
import { dndOn } from './dnd-on.js';
import { gmsMissing } from './gms-missing.js';
import { lockscreenHidden } from './lockscreen-hidden.js';
import { lockscreenPrivateHidden } from './lockscreen-private-hidden.js';
import { noPushChannel } from './no-push-channel.js';
import { oppoChannelId } from './oppo-channel-id.js';
import { postNotificationsDenied } from './post-notifications-denied.js';
import { pushChannel } from './push-channel.js';
import { pushServiceDisabled } from './push-service-disabled.js';
import { pushServiceMissing } from './push-service-missing.js';
import { pushServiceOutdated } from './push-service-outdated.js';
import { pushTokenReported } from './push-token-reported.js';
import { ringerSilent } from './ringer-silent.js';
import type { Rule } from './rule.js';
import { sessionLoggedOut } from './session-logged-out.js';
import { standbyRestricted } from './standby-restricted.js';
import { statusBarIconsHidden } from './status-bar-icons-hidden.js';
import { vendorClassification } from './vendor-classification.js';
import { vendorDailyLimit } from './vendor-daily-limit.js';

/** Every rule, keyed by the checklist id it answers. */
export const RULES: Readonly<Record<string, Rule>> = {
  'session-logged-out': sessionLoggedOut,
  'app-force-stopped': appForceStopped,
  'app-not-installed': appNotInstalled,
  'push-channel': pushChannel,
  'push-service-missing': pushServiceMissing,
  'push-service-disabled': pushServiceDisabled,
  'push-service-outdated': pushServiceOutdated,
  'gms-missing': gmsMissing,
  'no-push-channel': noPushChannel,
  'vivo-manifest-keys': vivoManifestKeys,
  'honor-manifest-appid': honorManifestAppid,
  'vendor-components-missing': vendorComponentsMissing,
  'huawei-agconnect-missing': huaweiAgconnectMissing,
  'fcm-config-missing': fcmConfigMissing,
  'click-target-unresolved': clickTargetUnresolved,
  'post-notifications-undeclared': postNotificationsUndeclared,
  'fcm-default-channel-missing': fcmDefaultChannelMissing,
  'console-certificate': consoleCertificate,
  'push-token-reported': pushTokenReported,
  'app-notifications-blocked': appNotificationsBlocked,
  'post-notifications-denied': postNotificationsDenied,
  'channel-blocked': channelBlocked,
  'channel-silent': channelSilent,
  'lockscreen-hidden': lockscreenHidden,
  'lockscreen-private-hidden': lockscreenPrivateHidden,
  'dnd-on': dndOn,
  'ringer-silent': ringerSilent,
  'oppo-channel-id': oppoChannelId,
  'status-bar-icons-hidden': statusBarIconsHidden,
  'standby-restricted': standbyRestricted,
  'battery-optimized': batteryOptimized,
  'background-restricted': backgroundRestricted,
  'data-saver-on': dataSaverOn,
  'battery-saver-on': batterySaverOn,
  'app-hibernated': appHibernated,
  'autostart-denied': autostartDenied,
  'vendor-classification': vendorClassification,
  'vendor-daily-limit': vendorDailyLimit,
};
