import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApkManifestFacts } from '../../common/domain/apk.js';
import { apkWorkspace } from '../../test/apk/build-apk.js';
import { parseClickTarget, resolveClickTarget } from './click-target.js';
import { inspectApk } from './inspect-apk.js';

async function manifestOf(apk: string): Promise<ApkManifestFacts> {
  const result = await inspectApk(apk);
  if (!result.ok) throw new Error(result.reason);
  return result.value.manifest;
}

const names = (r: ReturnType<typeof resolveClickTarget>): string[] => r.matches.map((c) => c.name);

describe('click target against the manifest', () => {
  let ws: Awaited<ReturnType<typeof apkWorkspace>>;
  let correct: ApkManifestFacts;
  let notExported: ApkManifestFacts;
  beforeAll(async () => {
    ws = await apkWorkspace();
    correct = await manifestOf(await ws.build('correct'));
    notExported = await manifestOf(await ws.build('click-not-exported'));
  });
  afterAll(() => ws.dispose());

  it('reads the three forms a console takes', () => {
    expect(parseClickTarget('.ChatActivity', 'com.example.im')).toEqual({ kind: 'component', package: 'com.example.im', className: 'com.example.im.ChatActivity' });
    expect(parseClickTarget('com.example.im/.ChatActivity', null)).toEqual({ kind: 'component', package: 'com.example.im', className: 'com.example.im.ChatActivity' });
    expect(parseClickTarget('intent://com.example.im/chat?id=1#Intent;scheme=imdemo;package=com.example.im;end', null)).toMatchObject({
      kind: 'uri', scheme: 'imdemo', host: 'com.example.im', path: '/chat', action: 'android.intent.action.VIEW', package: 'com.example.im',
    });
    expect(parseClickTarget('intent:#Intent;component=com.example.im/.ChatActivity;end', null)).toEqual({ kind: 'component', package: 'com.example.im', className: 'com.example.im.ChatActivity' });
    expect(parseClickTarget('pushscheme://com.tencent.qcloud.uniapp/detail', null)).toMatchObject({ kind: 'uri', scheme: 'pushscheme', path: '/detail' });
    expect(parseClickTarget('open the chat page', null)).toBeNull();
    expect(parseClickTarget('intent://x#Intent;package=a', null)).toBeNull();
  });

  it.each([
    ['com.example.im.ChatActivity', ['com.example.im.ChatActivity']],
    ['imdemo://com.example.im/chat/42', ['com.example.im.ChatActivity']],
    ['intent://com.example.im/chat?id=1#Intent;scheme=imdemo;launchFlags=0x10000000;end', ['com.example.im.ChatActivity']],
    ['pushscheme://com.tencent.qcloud.uniapp/detail', ['com.tencent.qcloud.tim.tuiofflinepush.OpenActivity']],
  ])('lands %s on an exported activity of the correct app', (target, expected) => {
    const r = resolveClickTarget(correct, target);
    expect(r.problem).toBeNull();
    expect(names(r)).toEqual(expected);
  });

  it.each([
    ['imdemo://com.example.im/profile', /no activity has an intent filter/],
    ['imdemo://other.host/chat', /no activity has an intent filter/],
    ['pushscheme://com.tencent.qcloud.uniapp/detail/x', /no activity has an intent filter/],
    ['com.example.im.GoneActivity', /no activity com.example.im.GoneActivity/],
    ['com.example.im.Launcher', /disabled/],
    ['com.vivo.push.sdk.LinkProxyClientActivity', /not exported/],
    ['intent://x/y#Intent;scheme=imdemo;package=com.other;end', /package com.other/],
  ])('says why %s does not land', (target, problem) => {
    const r = resolveClickTarget(correct, target);
    expect(r.matches).toEqual([]);
    expect(r.problem).toMatch(problem);
  });

  it('finds the click activity that is not exported in the broken variant, by class and by URI', () => {
    for (const target of ['com.example.im.ChatActivity', 'imdemo://com.example.im/chat']) {
      const r = resolveClickTarget(notExported, target);
      expect(r.matches).toEqual([]);
      expect(r.problem).toMatch(/com.example.im.ChatActivity is not exported \(line \d+\)/);
    }
  });
});
