import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures.test-helper.js';
import { redactToken, scanPushLog } from './push-log.js';

describe('scanPushLog', () => {
  it('finds the Xiaomi token, the business id and the successful report, without the whole token', () => {
    const scan = scanPushLog(fixture('logcat', 'tuiofflinepush-xiaomi-from-sdk-strings.txt'), 'com.example.im');
    const kinds = scan.events.map((e) => e.kind);
    expect(kinds).toEqual(['token-received', 'token-config', 'token-reported']);
    const config = scan.events.find((e) => e.kind === 'token-config');
    expect(config?.kind === 'token-config' && config.businessId).toBe('12345');
    for (const e of scan.events) expect(e.excerpt).not.toContain('Vx3kQ9ZpLmT7wR2sYb8NfHc0AeUdGjKi');
    expect(scan.events[0]?.excerpt).toContain(redactToken('Vx3kQ9ZpLmT7wR2sYb8NfHc0AeUdGjKi'));
  });

  it('ignores an FCM cancel for another app and reports one for the app under test', () => {
    const own = scanPushLog(fixture('logcat', 'android-studio-gcm-cancelled.txt'), 'net.swiftzer.metroride');
    expect(own.events.map((e) => e.kind)).toEqual(['fcm-cancelled']);
    const other = scanPushLog(fixture('logcat', 'tuiofflinepush-xiaomi-from-sdk-strings.txt'), 'com.example.im');
    expect(other.events.some((e) => e.kind === 'fcm-cancelled')).toBe(false);
  });

  it('reports registration and report errors with their codes', () => {
    const scan = scanPushLog(fixture('logcat', 'tuiofflinepush-errors-from-sdk-strings.txt'), null);
    expect(scan.events.map((e) => e.kind)).toEqual(['registration-error', 'registration-error', 'report-error', 'registration-error']);
    const report = scan.events[2];
    expect(report?.kind === 'report-error' && report.code).toBe(6014);
    const oppo = scan.events[3];
    expect(oppo?.kind === 'registration-error' && oppo.vendor).toBe('oppo');
  });

  it('reads lines copied from Android Studio and counts non-log text as no log', () => {
    expect(scanPushLog(fixture('logcat', 'timsdk-issue33-android-studio.txt'), null).logLines).toBe(3);
    expect(scanPushLog('not a log\nat all', null).logLines).toBe(0);
  });
});
