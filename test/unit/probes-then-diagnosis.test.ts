import { describe, expect, it } from 'vitest';
import type { FactSheet } from '../../common/domain/facts.js';
import type { Finding } from '../../common/domain/findings.js';
import { diagnose } from '../../main/diagnosis/diagnose.js';
import { assembleFacts } from '../../main/probes/assemble-facts.js';
import { fixture, ok, rawOutputs, realPhone, type TestOutput } from '../../main/probes/fixtures.test-helper.js';

/**
 * Probes report what the phone printed; the diagnosis concludes (push channel, notifications effectively on).
 * These run both, the way an audit does, on outputs a phone (or a cut-off capture) gives.
 */

const APP = 'com.example.im';
const A12_GETPROP = fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt');
const APP_DUMP = `Packages:\n  Package [${APP}] (1a2b3c):\n    userId=10318\n    versionCode=7 minSdk=21 targetSdk=33\n    versionName=7.0\n`
  + '    User 0: ceDataInode=1 installed=true hidden=false suspended=false stopped=false notLaunched=false enabled=0\n';

function audit(outputs: [string, TestOutput][], app: string | null = APP): { sheet: FactSheet; findings: Finding[] } {
  return diagnose(assembleFacts(rawOutputs(outputs), app), { app });
}

function severityOf(findings: Finding[], id: string): string | undefined {
  return findings.find((f) => f.id === id)?.severity;
}

describe('conclusions drawn once, by the diagnosis', () => {
  it('concludes the push channel from brand, manufacturer and Google Play services, with their evidence', () => {
    const getprop = realPhone('xiaomi-redmi-k50pro-hyperos2-a14', 'getprop.txt') ?? A12_GETPROP;
    const { sheet } = audit([
      ['getprop', ok(getprop)],
      ['pm list packages --user 0', ok('package:com.android.shell\npackage:com.xiaomi.xmsf\npackage:com.tekartik.package1\n')],
    ], 'com.tekartik.package1');
    expect(sheet.facts.pushChannel).toBe('xiaomi');
    expect(sheet.evidence.pushChannel?.[0]).toEqual({ command: 'getprop', excerpt: expect.stringMatching(/^\[ro\.product\.(brand|manufacturer)\]/) });
  });

  it('concludes notifications off from an app-level importance NONE, and unknown where nothing tells', () => {
    const blocked = audit([
      ['getprop', ok(A12_GETPROP)],
      ['dumpsys notification --noredact', ok(fixture('dumpsys-notification', 'oem-trimmed-appsettings-ithome.txt'))],
      ['dumpsys package com.ruanmei.ithome', ok('Packages:\n  Package [com.ruanmei.ithome] (1a2b3c):\n    userId=10357\n    User 0: installed=true stopped=true notLaunched=false enabled=0\n')],
    ], 'com.ruanmei.ithome');
    expect(blocked.sheet.facts.app?.notificationsEnabled).toBe(false);
    expect(blocked.sheet.evidence['app.notificationsEnabled']?.[0]?.excerpt).toMatch(/^AppSettings: com\.ruanmei\.ithome .*importance=NONE/);
    expect(severityOf(blocked.findings, 'app-notifications-blocked')).toBe('error');

    const unread = audit([['getprop', ok(A12_GETPROP)], ['dumpsys-package-app', ok(APP_DUMP)]]);
    expect(unread.sheet.facts.app?.notificationsEnabled).toBeNull();
    expect(unread.sheet.unknown['app.notificationsEnabled']).toMatch(/probe missing/);
  });

  it('lets POST_NOTIFICATIONS decide on Android 13+ where the phone keeps no app setting', () => {
    const a14 = '[ro.build.version.release]: [14]\n[ro.build.version.sdk]: [34]\n[ro.product.brand]: [google]\n[ro.product.manufacturer]: [Google]\n';
    const dump = APP_DUMP.replace('enabled=0\n', 'enabled=0\n      runtime permissions:\n        android.permission.POST_NOTIFICATIONS: granted=false, flags=[ USER_SET ]\n');
    const { sheet } = audit([
      ['getprop', ok(a14)],
      ['dumpsys-package-app', ok(dump)],
      ['dumpsys notification --noredact', ok('AppSettings: com.other (10001) importance=NONE\n')],
    ]);
    expect(sheet.facts.app?.notificationImportance).toBe(-1000);
    expect(sheet.facts.app?.notificationsEnabled).toBe(false);
    expect(sheet.evidence['app.notificationsEnabled']?.map((e) => e.excerpt)).toContain('android.permission.POST_NOTIFICATIONS: granted=false, flags=[ USER_SET ]');
  });
});

describe('an unreadable value is unknown, never a pass (issue 8)', () => {
  const base: [string, TestOutput][] = [['getprop', ok(A12_GETPROP)], ['dumpsys-package-app', ok(APP_DUMP)]];

  it('a dumpsys notification cut right after "importance=" leaves app-notifications-blocked unknown, not ok', () => {
    const { sheet, findings } = audit([...base, ['dumpsys notification --noredact', ok(`AppSettings: ${APP} (10318) importance=`)]]);
    expect(sheet.facts.app?.notificationsEnabled).toBeNull();
    expect(sheet.unknown['app.notificationsEnabled']).toMatch(/cut short/);
    const f = findings.find((x) => x.id === 'app-notifications-blocked');
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toMatch(/importance=/);
  });

  it('an importance label the parser does not know leaves it unknown', () => {
    const { findings } = audit([...base, ['dumpsys notification --noredact', ok(`AppSettings: ${APP} (10318) importance=SILENCED\n`)]]);
    expect(severityOf(findings, 'app-notifications-blocked')).toBe('unknown');
  });

  it('a notification dump cut short (no exit status) that lacks the app proves nothing about the app', () => {
    const { sheet, findings } = audit([...base, ['dumpsys notification --noredact', { text: 'AppSettings: com.other (10001) importance=NONE\n', exitCode: null }]]);
    expect(sheet.facts.app?.notificationImportance).toBeNull();
    expect(severityOf(findings, 'app-notifications-blocked')).toBe('unknown');
  });

  it('a channel whose group line lost mBlocked is not reported open', () => {
    const dump = `AppSettings: ${APP} (10318)\n`
      + "  NotificationChannel{mId='im', mName=Messages, mImportance=4, mGroup='chat'}\n"
      + "  NotificationChannelGroup{mId='chat', mName=Chat, mDescription=\n";
    const { sheet, findings } = audit([...base, ['dumpsys notification --noredact', ok(dump)]]);
    expect(sheet.facts.app?.channels?.[0]?.blocked).toBeNull();
    expect(severityOf(findings, 'channel-blocked')).toBe('unknown');
  });

  it('an appops line cut before its mode, an unknown mode, or a cut-short output leaves background-restricted unknown', () => {
    const cut = audit([...base, ['appops-app', ok('RUN_IN_BACKGROUND: allow\nRUN_ANY_IN_BACKGROUND:')]]);
    expect(cut.sheet.facts.app?.backgroundRestricted).toBeNull();
    expect(cut.sheet.unknown['app.backgroundRestricted']).toMatch(/no readable mode/);
    expect(severityOf(cut.findings, 'background-restricted')).toBe('unknown');

    const odd = audit([...base, ['appops-app', ok('RUN_ANY_IN_BACKGROUND: ask\n')]]);
    expect(severityOf(odd.findings, 'background-restricted')).toBe('unknown');

    const short = audit([...base, ['appops-app', { text: 'CAMERA: allow\n', exitCode: null }]]);
    expect(severityOf(short.findings, 'background-restricted')).toBe('unknown');

    const complete = audit([...base, ['appops-app', ok('CAMERA: allow\n')]]);
    expect(severityOf(complete.findings, 'background-restricted')).toBe('ok');
  });
});
