import { describe, expect, it } from 'vitest';
import type { ChannelFact } from '../../../common/domain/facts.js';
import { buildSheet, ev, runRule, TEST_APP, TUIKIT_CHANNEL } from '../sheets.test-helper.js';
import { appNotificationsBlocked } from './app-notifications-blocked.js';
import { channelBlocked } from './channel-blocked.js';
import { channelSilent } from './channel-silent.js';
import { dndOn } from './dnd-on.js';
import { lockscreenHidden } from './lockscreen-hidden.js';
import { lockscreenPrivateHidden } from './lockscreen-private-hidden.js';
import { oppoChannelId } from './oppo-channel-id.js';
import { postNotificationsDenied } from './post-notifications-denied.js';
import { ringerSilent } from './ringer-silent.js';
import { statusBarIconsHidden } from './status-bar-icons-hidden.js';

const channel = (patch: Partial<ChannelFact>): ChannelFact => ({ ...TUIKIT_CHANNEL, ...patch });
const CHANNEL_EVIDENCE = {
  'app.channels': [ev('dumpsys notification --noredact', 'NotificationChannel{mId=\'tuikit\', mName=oppotest, mDescription=, mImportance=0, mBypassDnd=false, mLockscreenVisibility=-1000, mSound=content://settings/system/notification_sound, mLights=false, mLightColor=0, mVibration=null, mUserLockedFields=4, mFgServiceShown=false, mVibrationEnabled=false, mShowBadge=true, mDeleted=false}')],
};

describe('app-notifications-blocked', () => {
  it('is ok when notifications are allowed', () => {
    expect(runRule(appNotificationsBlocked, buildSheet())?.severity).toBe('ok');
  });

  it('is an error on OPPO that says new apps start with notifications off', () => {
    const f = runRule(appNotificationsBlocked, buildSheet('oppo', { app: { notificationsEnabled: false } }));
    expect(f?.severity).toBe('error');
    expect(f?.detail).toMatch(/off by default for newly installed apps/);
    expect(f?.remedy).toMatch(/OPPO turns notifications off by default/);
    expect(f?.fixId).toBe('open-notification-settings');
  });

  it('quotes the Huawei settings path from the FAQ', () => {
    const f = runRule(appNotificationsBlocked, buildSheet('huawei', { app: { notificationsEnabled: false } }));
    expect(f?.remedy).toContain('Settings → Notifications → Application Notifications');
  });

  it('is unknown when the notification settings were not read', () => {
    const f = runRule(appNotificationsBlocked, buildSheet('xiaomi', { app: { notificationsEnabled: null }, unknown: { 'app.notificationsEnabled': `no AppSettings for ${TEST_APP} in dumpsys notification` } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('no AppSettings');
  });
});

describe('post-notifications-denied', () => {
  it('is ok when the permission is granted', () => {
    expect(runRule(postNotificationsDenied, buildSheet('fcm'))?.severity).toBe('ok');
  });

  it('is an error with the grant fix on Android 13+ when denied', () => {
    const f = runRule(postNotificationsDenied, buildSheet('fcm', { app: { postNotificationsGranted: false } }));
    expect(f?.severity).toBe('error');
    expect(f?.fixId).toBe('grant-post-notifications');
  });

  it('is ok before Android 13, where no permission exists', () => {
    const f = runRule(postNotificationsDenied, buildSheet('xiaomi', { app: { postNotificationsGranted: null } }));
    expect(f?.severity).toBe('ok');
    expect(f?.detail).toMatch(/Android 13/);
  });

  it('is unknown on Android 13+ when the permission was not read', () => {
    expect(runRule(postNotificationsDenied, buildSheet('fcm', { app: { postNotificationsGranted: null } }))?.severity).toBe('unknown');
  });
});

describe('channel-blocked', () => {
  it('is ok when no channel is blocked', () => {
    expect(runRule(channelBlocked, buildSheet())?.severity).toBe('ok');
  });

  it('warns when only some channels are blocked, naming them', () => {
    const sheet = buildSheet('xiaomi', { app: { channels: [channel({}), channel({ id: 'marketing', name: 'Promotions', importance: 0 })] } });
    const f = runRule(channelBlocked, sheet);
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('marketing ("Promotions")');
    expect(f?.remedy).toContain('XiaoMiChannelID');
  });

  it('is an error when OPPO\'s tuikit channel is blocked', () => {
    const sheet = buildSheet('oppo', {
      app: { channels: [channel({ importance: 0 }), channel({ id: 'calls', name: 'Calls' })] },
      evidence: CHANNEL_EVIDENCE,
    });
    const f = runRule(channelBlocked, sheet);
    expect(f?.severity).toBe('error');
    expect(f?.evidence[0]?.excerpt).toContain('mImportance=0');
  });

  it('is an error when every channel is blocked', () => {
    expect(runRule(channelBlocked, buildSheet('xiaomi', { app: { channels: [channel({ blocked: true })] } }))?.severity).toBe('error');
  });

  it('is unknown when the channel list was not read', () => {
    expect(runRule(channelBlocked, buildSheet('xiaomi', { app: { channels: null } }))?.severity).toBe('unknown');
  });
});

describe('channel-silent', () => {
  it('is ok when channels alert', () => {
    expect(runRule(channelSilent, buildSheet())?.severity).toBe('ok');
  });

  it('warns about a low-importance channel', () => {
    const f = runRule(channelSilent, buildSheet('xiaomi', { app: { channels: [channel({ importance: 2 })] } }));
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('tuikit');
  });

  it('warns about a channel with neither sound nor vibration', () => {
    expect(runRule(channelSilent, buildSheet('xiaomi', { app: { channels: [channel({ sound: null, vibration: false })] } }))?.severity).toBe('warning');
  });

  it('leaves blocked channels to channel-blocked', () => {
    expect(runRule(channelSilent, buildSheet('xiaomi', { app: { channels: [channel({ importance: 0 })] } }))?.severity).toBe('ok');
  });

  it('is unknown when the channel list was not read', () => {
    expect(runRule(channelSilent, buildSheet('xiaomi', { app: { channels: null } }))?.severity).toBe('unknown');
  });
});

describe('lockscreen-hidden', () => {
  it('is ok when the lock screen shows notifications', () => {
    expect(runRule(lockscreenHidden, buildSheet())?.severity).toBe('ok');
  });

  it('warns with the settings fix when the lock screen hides notifications', () => {
    const f = runRule(lockscreenHidden, buildSheet('huawei', {
      system: { lockScreenShowNotifications: false },
      evidence: { 'system.lockScreenShowNotifications': [ev('settings get secure lock_screen_show_notifications', '0')] },
    }));
    expect(f?.severity).toBe('warning');
    expect(f?.fixId).toBe('show-on-lockscreen');
    expect(f?.remedy).toContain('Notifications (Lock Screen)');
    expect(f?.evidence).toEqual([{ command: 'settings get secure lock_screen_show_notifications', excerpt: '0' }]);
  });

  it('warns when a channel is set to secret on the lock screen', () => {
    const f = runRule(lockscreenHidden, buildSheet('xiaomi', { app: { channels: [channel({ lockscreenVisibility: -1 })] } }));
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('tuikit');
  });

  it('is unknown when the setting was not read', () => {
    expect(runRule(lockscreenHidden, buildSheet('xiaomi', { system: { lockScreenShowNotifications: null } }))?.severity).toBe('unknown');
  });
});

describe('lockscreen-private-hidden', () => {
  it('is ok when content shows', () => {
    expect(runRule(lockscreenPrivateHidden, buildSheet())?.severity).toBe('ok');
  });
  it('is info when content is hidden', () => {
    expect(runRule(lockscreenPrivateHidden, buildSheet('xiaomi', { system: { lockScreenShowPrivate: false } }))?.severity).toBe('info');
  });
  it('is unknown when not read', () => {
    expect(runRule(lockscreenPrivateHidden, buildSheet('xiaomi', { system: { lockScreenShowPrivate: null } }))?.severity).toBe('unknown');
  });
});

describe('dnd-on', () => {
  it('is ok when zen_mode is 0', () => {
    expect(runRule(dndOn, buildSheet())?.severity).toBe('ok');
  });

  it('reports DND when zen_mode is 1', () => {
    const f = runRule(dndOn, buildSheet('xiaomi', {
      system: { zenMode: 1 },
      evidence: { 'system.zenMode': [ev('settings get global zen_mode', '1')] },
    }));
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('priority only');
    expect(f?.fixId).toBe('dnd-off');
    expect(f?.evidence[0]?.excerpt).toBe('1');
  });

  it('is only info in priority mode when an app channel may bypass DND', () => {
    const f = runRule(dndOn, buildSheet('xiaomi', { system: { zenMode: 1 }, app: { channels: [channel({ bypassDnd: true })] } }));
    expect(f?.severity).toBe('info');
  });

  it('warns in total silence even for bypassing channels', () => {
    const f = runRule(dndOn, buildSheet('xiaomi', { system: { zenMode: 2 }, app: { channels: [channel({ bypassDnd: true })] } }));
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('total silence');
  });

  it('is unknown when zen_mode was not read', () => {
    const f = runRule(dndOn, buildSheet('xiaomi', { system: { zenMode: null }, unknown: { 'system.zenMode': 'settings get global zen_mode printed "null"' } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('printed "null"');
  });
});

describe('ringer-silent', () => {
  it('is ok in normal mode', () => {
    expect(runRule(ringerSilent, buildSheet())?.severity).toBe('ok');
  });
  it('warns in silent mode', () => {
    expect(runRule(ringerSilent, buildSheet('xiaomi', { system: { ringerMode: 0 } }))?.severity).toBe('warning');
  });
  it('is info in vibrate mode', () => {
    expect(runRule(ringerSilent, buildSheet('xiaomi', { system: { ringerMode: 1 } }))?.severity).toBe('info');
  });
  it('is unknown when not read', () => {
    expect(runRule(ringerSilent, buildSheet('xiaomi', { system: { ringerMode: null } }))?.severity).toBe('unknown');
  });
});

describe('status-bar-icons-hidden', () => {
  it('asks the engineer on a vendor ROM, with the FAQ\'s Huawei path', () => {
    const f = runRule(statusBarIconsHidden, buildSheet('huawei'));
    expect(f?.severity).toBe('manual');
    expect(f?.remedy).toContain('Show Notification Icons');
  });
  it('does not apply to stock Android (FCM phones)', () => {
    expect(runRule(statusBarIconsHidden, buildSheet('fcm'))).toBeNull();
  });
});

describe('oppo-channel-id', () => {
  it('is ok when the app created TUIOfflinePush\'s tuikit channel', () => {
    const f = runRule(oppoChannelId, buildSheet('oppo'));
    expect(f?.severity).toBe('ok');
    expect(f?.detail).toContain('"tuikit"');
  });

  it('warns when the app has no tuikit channel, listing the channels it has', () => {
    const f = runRule(oppoChannelId, buildSheet('oppo', { app: { channels: [channel({ id: 'new_message', name: 'Messages' })] } }));
    expect(f?.severity).toBe('warning');
    expect(f?.detail).toContain('new_message ("Messages")');
    expect(f?.remedy).toContain('OPPOChannelID');
  });

  it('is ok before Android 8, which has no channels', () => {
    const f = runRule(oppoChannelId, buildSheet('oppo', { device: { android: { release: '7.1.1', sdk: 25 } }, app: { channels: [] } }));
    expect(f?.severity).toBe('ok');
  });

  it('is unknown when the channel list was not read', () => {
    expect(runRule(oppoChannelId, buildSheet('oppo', { app: { channels: null } }))?.severity).toBe('unknown');
  });

  it('does not apply to other channels', () => {
    expect(runRule(oppoChannelId, buildSheet('xiaomi'))).toBeNull();
  });
});
