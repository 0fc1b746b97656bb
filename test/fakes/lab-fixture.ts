import { emptyDeviceFacts } from '../../common/domain/facts.js';
import type { FakeApiFixture } from './push-doctor-api.js';

/**
 * A small lab as the workstation shows it: a Xiaomi that was read, a phone waiting for the USB
 * debugging prompt, and an audit result with findings of several severities. Evidence lines are
 * what these commands print on a phone (`settings get` prints the bare value; `am
 * get-standby-bucket` the bucket number, 45 = RESTRICTED).
 */
export function labFixture(): FakeApiFixture {
  return {
    devices: [
      {
        serial: '3b2f9c1e', server: '127.0.0.1:5037', state: 'device', product: 'marble_global', model: '23049PCD8G', device: 'marble', transportId: 3,
        identity: {
          manufacturer: 'Xiaomi', brand: 'POCO', model: '23049PCD8G', marketName: 'POCO F5',
          android: { release: '14', sdk: 34 }, rom: { name: 'HyperOS', version: 'OS1.0.5.0.UMRMIXM' },
        },
      },
      { serial: 'R58M123ABC', server: '127.0.0.1:5037', state: 'unauthorized', transportId: 4, identity: null },
    ],
    report: {
      serial: '3b2f9c1e', state: 'device', facts: emptyDeviceFacts(), pushTests: [], errors: [],
      findings: [
        {
          id: 'post-notifications-denied', severity: 'error', title: 'Notification permission is denied',
          detail: 'POST_NOTIFICATIONS is not granted (Android 13+): the app cannot post any notification',
          evidence: [{ command: 'dumpsys package com.tencent.qcloud.tim.tuikit', excerpt: 'android.permission.POST_NOTIFICATIONS: granted=false, flags=[ USER_SET|USER_SENSITIVE_WHEN_GRANTED|USER_SENSITIVE_WHEN_DENIED]' }],
          remedy: 'Grant the notification permission: Settings → Apps → the app → Notifications → Allow.', faq: 'Notification bar settings', fixId: 'grant-post-notifications',
        },
        {
          id: 'standby-restricted', severity: 'error', title: 'App is in the RESTRICTED standby bucket',
          detail: 'Bucket 45 (RESTRICTED): the app may not run jobs or receive high-priority pushes in time.',
          evidence: [{ command: 'am get-standby-bucket com.tencent.qcloud.tim.tuikit', excerpt: '45' }],
          remedy: 'Open the app, then set Battery saver to "No restrictions" for it.', faq: 'Vendor restrictions', fixId: 'set-standby-active',
        },
        {
          id: 'app-notifications-blocked', severity: 'error', title: 'App notifications are blocked',
          detail: 'AppSettings importance=NONE for the app.',
          evidence: [{ command: 'dumpsys notification --noredact', excerpt: 'AppSettings: com.tencent.qcloud.tim.tuikit (10215) importance=NONE userSet=false' }],
          remedy: 'Allow notifications for the app.', faq: 'Notification bar settings', fixId: 'open-notification-settings',
        },
        {
          id: 'dnd-on', severity: 'warning', title: 'Do Not Disturb is on',
          detail: 'zen_mode is 1 (important interruptions only).',
          evidence: [{ command: 'settings get global zen_mode', excerpt: '1' }],
          remedy: 'Turn off Do Not Disturb or allow the app through it.', faq: 'Notification bar settings', fixId: 'dnd-off',
        },
        {
          id: 'session-logged-out', severity: 'manual', title: 'User is still logged in',
          detail: 'Whether the user logged out or was kicked by another device cannot be read from the phone.',
          evidence: [], remedy: 'Ask whether the user logged out, or logged in on another device.', faq: 'Overview',
        },
        {
          id: 'push-channel', severity: 'info', title: 'Push channel: Xiaomi',
          detail: 'ro.product.brand is POCO and ro.product.manufacturer is Xiaomi.',
          evidence: [{ command: 'getprop', excerpt: '[ro.product.manufacturer]: [Xiaomi]' }],
          remedy: '', faq: 'Vendor channels',
        },
        {
          id: 'lockscreen-hidden', severity: 'ok', title: 'Notifications show on the lock screen',
          detail: 'lock_screen_show_notifications is 1.',
          evidence: [{ command: 'settings get secure lock_screen_show_notifications', excerpt: '1' }],
          remedy: '', faq: 'Notification bar settings',
        },
      ],
    },
    packages: { '3b2f9c1e': ['com.example.im', 'com.tencent.qcloud.tim.tuikit', 'com.tencent.mm'] },
    fixPlans: {
      'dnd-off': { fix: 'dnd-off', title: 'Turn Do Not Disturb off', changesState: true, commands: ['cmd notification set_dnd off'], note: 'Uses NotificationManagerService\'s shell command (Android 10+).' },
      'grant-post-notifications': {
        fix: 'grant-post-notifications', title: 'Grant the notification permission', changesState: true,
        commands: ['pm grant com.tencent.qcloud.tim.tuikit android.permission.POST_NOTIFICATIONS'], note: 'Runtime permission added in Android 13 (API 33).',
      },
      'open-notification-settings': {
        fix: 'open-notification-settings', title: 'Open the app\'s notification settings', changesState: false,
        commands: ['am start -a android.settings.APP_NOTIFICATION_SETTINGS --es android.provider.extra.APP_PACKAGE com.tencent.qcloud.tim.tuikit'], note: 'The user flips the switch.',
      },
    },
    credentials: [
      { route: 'tencent-im', set: true, storage: 'encrypted' },
      { route: 'fcm', set: false, storage: 'none' },
    ],
    progress: [
      { type: 'device-started', ref: { server: '127.0.0.1:5037', serial: '3b2f9c1e', transportId: 3 }, serial: '3b2f9c1e', server: '127.0.0.1:5037', probes: 12 },
      {
        type: 'probe-done', ref: { server: '127.0.0.1:5037', serial: '3b2f9c1e', transportId: 3 }, serial: '3b2f9c1e',
        probe: 'dumpsys-notification', ok: true, done: 5, total: 12,
      },
    ],
  };
}
