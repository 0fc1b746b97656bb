import { describe, expect, it } from 'vitest';
import { assembleFacts } from '../assemble-facts.js';
import { parsePmPath, parseResolveActivity, resolveActivityCommand } from './resolve-activity.js';

const APP = 'com.example.im';

describe('pm path and resolve-activity', () => {
  it('reads base and split paths, refusing anything that is not a plain path', () => {
    expect(parsePmPath('package:/data/app/~~Ab==/com.example.im-Cd==/base.apk\r\npackage:/data/app/~~Ab==/com.example.im-Cd==/split_config.arm64_v8a.apk\n'))
      .toEqual(['/data/app/~~Ab==/com.example.im-Cd==/base.apk', '/data/app/~~Ab==/com.example.im-Cd==/split_config.arm64_v8a.apk']);
    expect(parsePmPath('package:/data/app/x/base.apk; reboot\npackage:/data/../etc/x.apk\n')).toEqual([]);
  });

  it('asks for the click target with every argument quoted for the phone\'s shell', () => {
    expect(resolveActivityCommand('.ChatActivity', APP)).toBe('cmd package resolve-activity --brief --user 0 -n com.example.im/com.example.im.ChatActivity');
    expect(resolveActivityCommand("imdemo://h/p?a=1&b='x'", APP))
      .toBe(`cmd package resolve-activity --brief --user 0 -a android.intent.action.VIEW -d 'imdemo://h/p?a=1&b='\\''x'\\'''`);
    expect(resolveActivityCommand('intent://h/p#Intent;scheme=imdemo;package=com.example.im;end', APP))
      .toBe('cmd package resolve-activity --brief --user 0 -a android.intent.action.VIEW -d imdemo://h/p -p com.example.im');
    expect(resolveActivityCommand('not a target', APP)).toBeNull();
  });

  it('parses AOSP\'s answers, and says when the output is neither', () => {
    expect(parseResolveActivity('No activity found\n')).toEqual({ ok: true, value: { component: null, line: 'No activity found' } });
    expect(parseResolveActivity('priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\ncom.example.im/.ChatActivity\n'))
      .toEqual({ ok: true, value: { component: 'com.example.im/.ChatActivity', line: 'com.example.im/.ChatActivity' } });
    expect(parseResolveActivity('Error: Unknown option: --brief\n').ok).toBe(false);
    expect(parseResolveActivity('priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\n').ok).toBe(false);
  });
});

describe('the apk area of the fact sheet', () => {
  const pmPath = { command: `pm path ${APP}`, text: 'package:/data/app/~~a==/com.example.im-b==/base.apk\n', exitCode: 0 };

  it('without the inspection, says why the APK facts are unknown', () => {
    expect(assembleFacts([pmPath], APP).unknown.apk).toBe('the APK was not pulled from the phone');
    expect(assembleFacts([{ ...pmPath, text: '', exitCode: 1 }], APP).unknown.apk).toMatch(/named no APK/);
    expect(assembleFacts([], null).unknown.apk).toBe('no app under test was named');
  });

  it('records the phone\'s answer for the click target against the exact command asked', () => {
    const command = resolveActivityCommand('.ChatActivity', APP)!;
    const sheet = assembleFacts([pmPath, { command, text: 'No activity found\n', exitCode: 0 }], APP, { clickTarget: '.ChatActivity' });
    expect(sheet.facts.clickTarget).toEqual({ target: '.ChatActivity', command, resolved: false, resolvedTo: null });
    expect(sheet.evidence['clickTarget.resolved']).toEqual([{ command, excerpt: 'No activity found' }]);
    const other = assembleFacts([pmPath, { command, text: 'No activity found\n', exitCode: 0 }], APP, { clickTarget: 'imdemo://x/y' });
    expect(other.facts.clickTarget?.resolved).toBeNull();
    expect(other.unknown['clickTarget.resolved']).toMatch(/probe missing/);
  });
});
