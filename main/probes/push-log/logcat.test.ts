import { describe, expect, it } from 'vitest';
import { fixture } from '../fixtures.test-helper.js';
import { parseLogcat, parseLogLine } from './logcat.js';

describe('parseLogcat', () => {
  it('reads threadtime lines, with the uid column bugreports add, and skips buffer separators', () => {
    const r = parseLogcat(fixture('logcat', 'tuiofflinepush-xiaomi-from-sdk-strings.txt'));
    expect(r.ok && r.value.lines).toHaveLength(8);
    expect(r.ok && r.value.skippedLines).toBe(0);
    const withUid = parseLogLine('11-25 10:00:02.705 u0_a234  8123  8123 D TUIOfflinePush-TUIOfflinePushManager: setOfflinePushToken success');
    expect(withUid).toMatchObject({ pid: 8123, level: 'D', tag: 'TUIOfflinePush-TUIOfflinePushManager', message: 'setOfflinePushToken success' });
  });

  it('keeps the tag whole when logcat pads it before the colon', () => {
    const line = parseLogLine('11-25 10:05:40.001  2270  2290 W GCM-DMM : broadcast intent callback: result=CANCELLED');
    expect(line).toMatchObject({ tag: 'GCM-DMM', message: 'broadcast intent callback: result=CANCELLED' });
  });

  it('reads lines copied from Android Studio', () => {
    const line = parseLogLine(fixture('logcat', 'android-studio-gcm-cancelled.txt').trim());
    expect(line).toMatchObject({ pid: 3369, level: 'W', tag: 'GCM' });
  });
});
