import { describe, expect, it } from 'vitest';
import { buildSheet, ev, TEST_APP } from '../diagnosis/sheets.test-helper.js';
import { buildDeviceReport, buildReport } from './build-report.js';
import { redactReport, redactText, redactToken } from './redact.js';
import { ReportSchema } from './report-schema.js';

const SERIAL = 'R58M123ABC';
const NET_SERIAL = '192.168.1.23:37521';
const HMS_TOKEN = 'IQAAAACy0kYbAACKgwKcx8sJ1V0qQ7X3H2-0m5D7sWlTq1ZrWQ3bNQ6ypQmU8sRfNGkLp0qDk3jPq5Cz8pEoVvX9lU2rHj4fQxYxZ';
const FCM_TOKEN = 'fP3xK9aTQ2uYb7nZ1mW0cD:APA91bHkq4zT8sN2mV6rXw0pLc3dJf9gY5uB7eA1iO2hK4lM6nQ8rS0tU2vW4xY6zA8cE0gI2kM4oQ6sU8wY0';
const MI_REGID = '7Q0p1PpKmJ3oZr8eX2yV4aB6cD8eF0gH2iJ4kL6mN8oP0qR2sT4uV6wX8yZ0aB2c';
const IMEI = '867530912345678';
const USER = 'alice_2024';
const EMAIL = 'alice.lab@example.com';

function secretReport() {
  const sheet = buildSheet('huawei', {
    pushLog: { tokenReported: false, lastError: `setOfflinePushToken err code = 6014 desc = not login, pushToken = ${HMS_TOKEN}` },
    evidence: {
      'pushLog.lastError': [
        ev('logcat -d', `11-25 10:00:01.234  4242  4301 D TUIOfflinePush-TUIOfflinePushManager: setOfflinePushConfig businessID = 36598 pushToken = ${HMS_TOKEN}`),
        ev('logcat -d', `11-25 10:00:00.100  4242  4299 I TUIOfflinePush-XiaomiMsgReceiver: cmd: register | arg: ${MI_REGID} | result: 0 | reason: null`),
        ev('logcat -d', `11-25 10:00:00.200  4242  4299 I TUIOfflinePush-OEMPushSetting: google fcm getToken = ${FCM_TOKEN}`),
        ev('logcat -d', `11-25 09:59:58.000  4242  4242 I TUILogin: login userID:${USER} success`),
      ],
      brand: [ev('getprop', `[ro.serialno]: [${SERIAL}]`), ev('dumpsys iphonesubinfo', `Device ID = ${IMEI}`)],
      'system.zenMode': [ev('dumpsys account', `Account {name=${EMAIL}, type=com.google}`)],
    },
  });
  const devices = [
    buildDeviceReport({ serial: SERIAL, state: 'device', app: TEST_APP, sheet,
      errors: [{ code: 'TIMEOUT', message: `device '${SERIAL}' did not answer dumpsys notification in 10 s`, during: 'probe:dumpsys-notification' }] }),
    buildDeviceReport({ serial: NET_SERIAL, state: 'offline', app: TEST_APP, sheet: null,
      errors: [{ code: 'DEVICE_OFFLINE', message: `${NET_SERIAL} is offline` }] }),
  ];
  return buildReport({ source: 'live', app: TEST_APP, devices, now: new Date('2026-11-25T10:00:00Z'), version: '0.1.0' });
}

describe('redactReport', () => {
  it('leaves none of the serials, tokens, account ids or IMEIs in the JSON', () => {
    const original = secretReport();
    const before = JSON.stringify(original);
    for (const secret of [SERIAL, NET_SERIAL, HMS_TOKEN, FCM_TOKEN, MI_REGID, IMEI, USER, EMAIL]) expect(before).toContain(secret);
    const json = JSON.stringify(redactReport(original));
    for (const secret of [SERIAL, NET_SERIAL, HMS_TOKEN, FCM_TOKEN, MI_REGID, IMEI, USER, EMAIL, HMS_TOKEN.slice(0, 24), FCM_TOKEN.slice(-24)]) {
      expect(json).not.toContain(secret);
    }
  });

  it('replaces serials by stable hashes so two reports of the same lab line up', () => {
    const a = redactReport(secretReport());
    const b = redactReport(secretReport());
    expect(a.devices[0]?.serial).toBe(redactToken('serial', SERIAL));
    expect(a.devices[0]?.serial).toMatch(/^serial#[0-9a-f]{8}$/);
    expect(a.devices.map((d) => d.serial)).toEqual(b.devices.map((d) => d.serial));
    expect(a.devices[0]?.errors[0]?.message).toContain(redactToken('serial', SERIAL));
  });

  it('keeps what the reader needs: facts, ids, commands and the certificate ID', () => {
    const r = redactReport(secretReport());
    expect(ReportSchema.safeParse(r).success).toBe(true);
    expect(r.app).toBe(TEST_APP);
    expect(r.devices[0]?.facts.brand).toBe('HUAWEI');
    const json = JSON.stringify(r);
    expect(json).toContain('businessID = 36598 pushToken = token#');
    expect(json).toContain('setOfflinePushToken err code = 6014');
  });

  it('does not change the report it was given', () => {
    const original = secretReport();
    const copy = JSON.stringify(original);
    redactReport(original);
    expect(JSON.stringify(original)).toBe(copy);
  });
});

describe('redactText', () => {
  it('leaves package names, paths and timestamps alone', () => {
    const line = '11-25 10:00:01.234  4242  4301 D com.tencent.qcloud.tim.tuikit: content://settings/system/notification_sound versionCode=61100332';
    expect(redactText(line, [])).toBe(line);
  });

  it('hashes an IMEI-like number standing alone but not longer digit runs', () => {
    expect(redactText(`imei ${IMEI}`, [])).toBe(`imei ${redactToken('imei', IMEI)}`);
    expect(redactText('firstInstallTime=17326012345678901', [])).toBe('firstInstallTime=17326012345678901');
  });
});
