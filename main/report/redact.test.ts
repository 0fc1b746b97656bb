import { describe, expect, it } from 'vitest';
import { buildSheet, ev, TEST_APP } from '../diagnosis/sheets.test-helper.js';
import { buildDeviceReport, buildReport } from './build-report.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { FactSheet } from '../../common/domain/facts.js';
import { redactReport, redactText, redactToken } from './redact.js';
import { ReportSchema } from './report-schema.js';

/** The audit stage's job, done here so the report is built from what an audit would hand it. */
function diagnosed(sheet: FactSheet, app: string | null = TEST_APP) {
  const diagnosis = diagnose(sheet, { app });
  // The facts as the diagnosis concluded them (push channel, notifications effectively on).
  return { facts: diagnosis.sheet.facts, findings: diagnosis.findings };
}

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
    buildDeviceReport({ serial: SERIAL, state: 'device', ...diagnosed(sheet),
      errors: [{ code: 'TIMEOUT', message: `device '${SERIAL}' did not answer dumpsys notification in 10 s`, during: 'probe:dumpsys-notification' }] }),
    buildDeviceReport({ serial: NET_SERIAL, state: 'offline', facts: null, findings: [],
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

describe('Redactor', () => {
  it('learns hardware ids from getprop and hides them in every later text, leaving other props alone', async () => {
    const { createRedactor } = await import('./redact.js');
    const r = createRedactor(['127.0.0.1:40001']);
    const getprop = '[ro.serialno]: [8f1c2a77]\n[ro.boot.serialno]: [8f1c2a77]\n[ril.serialnumber]: [R58N12ABCDE]\n[ro.meizu.hardware.imei1]: [REDACTED]\n[ro.miui.restrict_imei]: [1]\n[ro.product.model]: [22011211C]\n[ro.build.date.utc]: [1700000000]';
    const out = r.text(getprop);
    expect(out).not.toMatch(/8f1c2a77|R58N12ABCDE/);
    expect(out).toContain('[ro.meizu.hardware.imei1]: [REDACTED]');
    expect(out).toContain('[ro.miui.restrict_imei]: [1]');
    expect(out).toContain('[ro.product.model]: [22011211C]');
    expect(out).toContain('[ro.build.date.utc]: [1700000000]');
    expect(r.text('adb -s 127.0.0.1:40001 says 8f1c2a77 is R58N12ABCDE')).toBe(
      `adb -s ${redactToken('serial', '127.0.0.1:40001')} says ${redactToken('serial', '8f1c2a77')} is ${redactToken('serial', 'R58N12ABCDE')}`);
  });

  it('hides phone numbers but not version codes, durations or timestamps', () => {
    const text = 'line1Number=+8613800138000 sms from 13900138001 call +44 20 7946 0958 versionCode=13500000001 time=+86400000 at 1764000000000';
    const out = redactText(text, []);
    expect(out).not.toMatch(/13800138000|13900138001|7946 0958/);
    expect(out).toContain('versionCode=13500000001');
    expect(out).toContain('time=+86400000');
    expect(out).toContain('at 1764000000000');
  });
});
