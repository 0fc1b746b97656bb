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
          manufacturer: 'Xiaomi', brand: 'POCO', model: '23049PCD8G',
          android: { release: '14', sdk: 34 }, rom: { name: 'HyperOS', version: 'OS1.0.5.0.UMRMIXM' },
        },
      },
      { serial: 'R58M123ABC', server: '127.0.0.1:5037', state: 'unauthorized', transportId: 4, identity: null },
    ],
    report: {
      serial: '3b2f9c1e', state: 'device', facts: emptyDeviceFacts(), pushTests: [], errors: [],
      findings: [
        {
          id: 'standby-restricted', severity: 'error', title: 'App is in the RESTRICTED standby bucket',
          detail: 'Bucket 45 (RESTRICTED): the app may not run jobs or receive high-priority pushes in time.',
          evidence: [{ command: 'am get-standby-bucket com.tencent.qcloud.tim.tuikit', excerpt: '45' }],
          remedy: 'Open the app, then set Battery saver to "No restrictions" for it.', faq: 'Vendor restrictions',
        },
        {
          id: 'dnd-on', severity: 'warning', title: 'Do Not Disturb is on',
          detail: 'zen_mode is 1 (important interruptions only).',
          evidence: [{ command: 'settings get global zen_mode', excerpt: '1' }],
          remedy: 'Turn off Do Not Disturb or allow the app through it.', faq: 'Notification bar settings',
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
    progress: [
      { type: 'device-started', ref: { server: '127.0.0.1:5037', serial: '3b2f9c1e', transportId: 3 }, serial: '3b2f9c1e', server: '127.0.0.1:5037', probes: 12 },
      {
        type: 'probe-done', ref: { server: '127.0.0.1:5037', serial: '3b2f9c1e', transportId: 3 }, serial: '3b2f9c1e',
        probe: 'dumpsys-notification', ok: true, done: 5, total: 12,
      },
    ],
  };
}
