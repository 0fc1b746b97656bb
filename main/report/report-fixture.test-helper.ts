import { emptyDeviceFacts, type DeviceFacts } from '../../common/domain/facts.js';
import type { Finding } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';

/** A small lab as the audit reports it: a Pixel with the permission denied, an OPPO with a Chinese channel name, a locked phone. */
export function labFixture(): Report {
  return {
    schema: 'push-doctor/report@1',
    generatedAt: '2026-11-25T10:00:00.000Z',
    tool: { name: 'push-doctor', version: '0.1.0' },
    source: 'live',
    app: 'com.example.im',
    devices: [pixel(), oppo(), locked()],
  };
}

function facts(patch: Partial<DeviceFacts>): DeviceFacts {
  return { ...emptyDeviceFacts(), ...patch };
}

function f(id: string, severity: Finding['severity'], title: string, detail: string, remedy = '', evidence: Finding['evidence'] = []): Finding {
  return { id, severity, title, detail, remedy, evidence, faq: 'FAQ › Cannot receive offline push' };
}

function pixel(): DeviceReport {
  return {
    serial: '37281FDJH00ABC',
    ref: { server: '127.0.0.1:5038', serial: '37281FDJH00ABC', transportId: 4 },
    state: 'device',
    facts: facts({ manufacturer: 'Google', brand: 'google', model: 'Pixel 8 Pro', android: { release: '16', sdk: 36 }, rom: { name: 'Android', version: null }, pushChannel: 'fcm' }),
    findings: [
      f('app-notifications-blocked', 'error', 'App notifications are allowed', 'Notifications are off for com.example.im.', 'Turn notifications on for the app.',
        [{ command: 'dumpsys notification --noredact', excerpt: 'AppSettings: com.example.im (10318) importance=NONE userSet=false' }]),
      f('post-notifications-denied', 'error', 'Notification permission is granted', 'com.example.im does not hold POST_NOTIFICATIONS, so Android 13+ shows none of its notifications.',
        'Grant the notification permission (Settings → Apps → the app → Notifications → Allow).',
        [{ command: 'dumpsys package com.example.im', excerpt: 'android.permission.POST_NOTIFICATIONS: granted=false, flags=[ USER_SET ]' }]),
      f('dnd-on', 'ok', 'Do Not Disturb is off', 'zen_mode is 0 (off).', '', [{ command: 'settings list global', excerpt: 'zen_mode=0' }]),
    ],
    pushTests: [],
    errors: [],
    fixes: [{ finding: 'dnd-on', fix: 'dnd-off', command: 'settings put global zen_mode 0', at: '2026-11-25T10:01:00.000Z', ok: true, after: 'ok' }],
    answers: [{ finding: 'session-logged-out', answer: 'no', note: 'user confirms still logged in', at: '2026-11-25T10:02:00.000Z' }],
  };
}

function oppo(): DeviceReport {
  return {
    serial: 'R58M123ABC',
    state: 'device',
    facts: facts({
      manufacturer: 'OPPO', brand: 'OPPO', model: 'PEDM00', marketName: 'OPPO Find X3', android: { release: '14', sdk: 34 }, rom: { name: 'ColorOS', version: 'V14.0' }, pushChannel: 'oppo',
      app: {
        package: 'com.example.im', installed: true, enabled: true, versionName: '8.1', versionCode: 801, targetSdk: 34, stopped: false,
        notificationsEnabled: true, notificationImportance: -1000, postNotificationsGranted: true, standbyBucket: 10, batteryOptimizationExempt: false,
        backgroundRestricted: false, dataSaverExempt: null, hibernated: false, autostartAllowed: null,
        channels: [{ id: 'new_message', name: '新消息, "重要"', importance: 4, blocked: false, sound: null, vibration: true, lockscreenVisibility: null, showBadge: true, bypassDnd: false, group: null }],
      },
    }),
    findings: [
      f('oppo-channel-id', 'warning', 'OPPO ChannelID is set and exists', 'The app has not created the channel tuikit <script>alert(1)</script>.', 'Create the channel, then name it as ChannelID.',
        [{ command: 'dumpsys notification --noredact', excerpt: 'NotificationChannel{mId=\'new_message\', mName=新消息, mImportance=4}' }]),
      f('battery-optimized', 'info', 'App is exempt from battery optimisation', 'com.example.im is not on the Doze allow list.', 'Allow the app to run in the background.'),
    ],
    pushTests: [{ route: 'tencent-im', sentAt: '2026-11-25T10:00:01.000Z', accepted: true, response: { code: '0', meaning: 'OK' }, postedAt: '2026-11-25T10:00:01.812Z', latencyMs: 812, displayed: true }],
    errors: [],
  };
}

function locked(): DeviceReport {
  return {
    serial: '127.0.0.1:6001', state: 'unauthorized', facts: emptyDeviceFacts(), findings: [], pushTests: [],
    errors: [{ code: 'DEVICE_UNAUTHORIZED', message: 'Accept the "Allow USB debugging?" prompt on the phone.', during: 'connect' }],
  };
}
