import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { RawOutput } from '../../common/domain/raw-output.js';
import { assembleFacts } from './assemble-facts.js';
import { bugreportText, splitBugreport } from './bugreport.js';
import { extractPackageSection } from './packages/packages-module.js';
import { fixture } from './fixtures.test-helper.js';

/**
 * A bugreport main file laid out as dumpstate writes it, with genuine section bodies; the interleaved
 * `------` lines inside SYSTEM PROPERTIES are the ones public bugreport parsers document seeing.
 */
function bugreportMain(): string {
  const getprop = fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt').trimEnd().split('\n');
  return [
    '========================================================',
    '== dumpstate: 2026-11-25 10:00:00',
    '========================================================',
    '------ SYSTEM PROPERTIES (getprop) ------',
    '------ 0.019s was the duration of \'mount debugfs\' ------',
    ...getprop.slice(0, 40),
    '------ 0.101s was the duration of \'DROPBOX SYSTEM SERVER CRASHES\' ------',
    ...getprop.slice(40),
    '------ 0.064s was the duration of \'SYSTEM PROPERTIES\' ------',
    '------ SYSTEM LOG (logcat -v threadtime -v printable -v uid -d *:v) ------',
    ...fixture('logcat', 'tuiofflinepush-xiaomi-from-sdk-strings.txt').trimEnd().split('\n'),
    '------ 0.5s was the duration of \'SYSTEM LOG\' ------',
    '-------------------------------------------------------------------------------',
    'DUMP OF SERVICE CRITICAL notification:',
    '  Zen Mode:',
    '    mZenMode=ZEN_MODE_NO_INTERRUPTIONS',
    '--------- 0.01s was the duration of dumpsys notification, ending at: 2026-11-25 10:00:05',
    '-------------------------------------------------------------------------------',
    'DUMP OF SERVICE package:',
    ...fixture('dumpsys-package', 'wearos-tekartik-package1.txt').trimEnd().split('\n'),
    '--------- 0.2s was the duration of dumpsys package, ending at: 2026-11-25 10:00:06',
    '-------------------------------------------------------------------------------',
    'DUMP OF SERVICE settings:',
    'GLOBAL SETTINGS (user 0)',
    '_id:42 name:zen_mode pkg:android value:2 default:0 defaultSystemSet:true',
    '_id:43 name:low_power pkg:com.android.systemui value:1',
    'SECURE SETTINGS (user 0)',
    '_id:7 name:lock_screen_show_notifications pkg:com.android.settings value:0 default:1 defaultSystemSet:true',
    'SECURE SETTINGS (user 10)',
    '_id:8 name:lock_screen_show_notifications pkg:com.android.settings value:1',
    '--------- 0.02s was the duration of dumpsys settings, ending at: 2026-11-25 10:00:07',
  ].join('\n');
}

/** The text a bug report gave for `command`, as the Map the splitter used to return gave it. */
function textOf(outputs: readonly RawOutput[], command: string): string | null | undefined {
  return outputs.find((o) => o.command === command)?.text;
}

describe('bugreport', () => {
  it('ends a section with no duration line at the next section header (Android 10+ sections under 0.5 s)', () => {
    const text = [
      '------ SYSTEM LOG (logcat -v threadtime -v printable -v uid -d *:v) ------',
      '11-25 10:00:00.000  1000  1432  1432 I ActivityManager: Start proc',
      '------ SYSTEM PROPERTIES (getprop) ------',
      '[ro.product.brand]: [OPPO]',
      '------ 0.012s was the duration of \'SYSTEM PROPERTIES\' ------',
    ].join('\n');
    const { outputs } = splitBugreport(text, []);
    expect(textOf(outputs, 'logcat -d -v threadtime')).toBe('11-25 10:00:00.000  1000  1432  1432 I ActivityManager: Start proc\n');
    expect(textOf(outputs, 'getprop')).toBe('[ro.product.brand]: [OPPO]\n');
  });

  it('splits dumpstate sections into the outputs of the equivalent commands', () => {
    const { outputs } = splitBugreport(bugreportMain(), ['com.tekartik.package1', 'com.xiaomi.xmsf']);
    expect(textOf(outputs, 'getprop')).toContain('[ro.product.brand]: [POCO]');
    expect(textOf(outputs, 'getprop')).not.toContain('SYSTEM LOG');
    expect(textOf(outputs, 'logcat -d -v threadtime')).toContain('setOfflinePushToken success');
    expect(textOf(outputs, 'dumpsys notification --noredact')).toContain('mZenMode=ZEN_MODE_NO_INTERRUPTIONS');
    expect(textOf(outputs, 'dumpsys package com.tekartik.package1')).toMatch(/^Packages:\n {2}Package \[com\.tekartik\.package1\] \(da25746\):/);
    expect(textOf(outputs, 'dumpsys package com.tekartik.package1')).not.toContain('versionCode=15');
    expect(textOf(outputs, 'dumpsys package com.xiaomi.xmsf')).toBe('');
    expect(textOf(outputs, 'settings list global')).toBe('zen_mode=2\nlow_power=1\n');
    expect(textOf(outputs, 'settings list secure')).toBe('lock_screen_show_notifications=0\n');
  });

  it('analyses like a live phone once split', () => {
    const { outputs } = splitBugreport(bugreportMain(), ['com.tekartik.package1']);
    const sheet = assembleFacts(outputs, 'com.tekartik.package1');
    expect(sheet.facts.brand).toBe('POCO');
    expect(sheet.facts.system.zenMode).toBe(2);
    expect(sheet.facts.system.lockScreenShowNotifications).toBe(false);
    expect(sheet.facts.app?.versionCode).toBe(20);
    expect(sheet.facts.pushLog?.tokenReported).toBe(true);
  });

  it('finds the main text in a bugreport zip through main_entry.txt', () => {
    const zip = zipSync({
      'main_entry.txt': strToU8('bugreport-redwood-2026-11-25.txt'),
      'bugreport-redwood-2026-11-25.txt': strToU8(bugreportMain()),
      'FS/data/misc/logd/logcat.01': strToU8('ignored'),
    });
    const r = bugreportText(zip);
    expect(r.ok && r.entry).toBe('bugreport-redwood-2026-11-25.txt');
    expect(r.ok && r.text).toContain('DUMP OF SERVICE package:');
  });

  it('says why a zip without a main entry cannot be read, and reads a plain text file as is', () => {
    const r = bugreportText(zipSync({ 'FS/x.txt': strToU8('x') }));
    expect(r.ok).toBe(false);
    const broken = bugreportText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(broken.ok).toBe(false);
    expect(bugreportText(strToU8('hello'))).toEqual({ ok: true, text: 'hello', entry: null });
  });

  it('extracts nothing for a package only in Hidden system packages', () => {
    const dump = 'Hidden system packages:\n  Package [com.a.b] (1):\n    versionCode=1\n';
    expect(extractPackageSection(dump, 'com.a.b')).toBeNull();
  });
});
