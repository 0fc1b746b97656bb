import { describe, expect, it } from 'vitest';
import { buildSheet, ev, runRule, TEST_APP } from '../sheets.test-helper.js';
import { appForceStopped } from './app-force-stopped.js';
import { appNotInstalled } from './app-not-installed.js';
import { sessionLoggedOut } from './session-logged-out.js';

const STOPPED_LINE = 'User 0: ceDataInode=786092 installed=true hidden=false suspended=false stopped=true notLaunched=false enabled=0 instant=false virtual=false';

describe('app-not-installed', () => {
  it('is ok with the version when the app is installed', () => {
    const f = runRule(appNotInstalled, buildSheet());
    expect(f?.severity).toBe('ok');
    expect(f?.detail).toContain('7.2.4146');
    expect(f?.evidence[0]?.command).toBe(`dumpsys package ${TEST_APP}`);
  });

  it('is an error when the app is not installed', () => {
    const f = runRule(appNotInstalled, buildSheet('xiaomi', { app: { installed: false } }));
    expect(f?.severity).toBe('error');
    expect(f?.remedy).toMatch(/Install the build/);
  });

  it('is an error when the app is installed but disabled', () => {
    expect(runRule(appNotInstalled, buildSheet('xiaomi', { app: { enabled: false } }))?.severity).toBe('error');
  });

  it('is unknown with the recorded reason when the package list was not read', () => {
    const f = runRule(appNotInstalled, buildSheet('xiaomi', { app: null, unknown: { app: 'dumpsys package timed out after 10 s' } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('dumpsys package timed out after 10 s');
  });

  it('does not apply when no app is under test', () => {
    expect(runRule(appNotInstalled, buildSheet(), null)).toBeNull();
  });
});

describe('app-force-stopped', () => {
  const stopped = (preset: 'xiaomi' | 'fcm') => buildSheet(preset, {
    app: { stopped: true },
    evidence: { 'app.stopped': [ev(`dumpsys package ${TEST_APP}`, STOPPED_LINE)] },
  });

  it('is ok when the app is not stopped', () => {
    expect(runRule(appForceStopped, buildSheet())?.severity).toBe('ok');
  });

  it('warns on a vendor channel and offers to start the app', () => {
    const f = runRule(appForceStopped, stopped('xiaomi'));
    expect(f?.severity).toBe('warning');
    expect(f?.fixId).toBe('start-app');
    expect(f?.evidence[0]?.excerpt).toContain('stopped=true');
  });

  it('is an error on FCM, which drops messages for stopped apps', () => {
    const f = runRule(appForceStopped, stopped('fcm'));
    expect(f?.severity).toBe('error');
    expect(f?.detail).toMatch(/FCM drops/);
  });

  it('warns when the app runs now but FCM cancelled a message while it was stopped', () => {
    const f = runRule(appForceStopped, buildSheet('fcm', {
      pushLog: { fcmCancelledForStoppedApp: true },
      evidence: { 'pushLog.fcmCancelledForStoppedApp': [ev('logcat -d', `W GCM-DMM: broadcast intent callback: result=CANCELLED forIntent { act=com.google.android.c2dm.intent.RECEIVE pkg=${TEST_APP} (has extras) }`)] },
    }));
    expect(f?.severity).toBe('warning');
    expect(f?.evidence.some((e) => e.excerpt.includes('result=CANCELLED'))).toBe(true);
  });

  it('is unknown when the stopped flag was not read', () => {
    const f = runRule(appForceStopped, buildSheet('xiaomi', { app: { stopped: null }, unknown: { 'app.stopped': 'no "User 0:" line in dumpsys package' } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('no "User 0:" line');
  });

  it('stands aside when the app is not installed', () => {
    expect(runRule(appForceStopped, buildSheet('xiaomi', { app: { installed: false, stopped: null } }))).toBeNull();
  });
});

describe('session-logged-out', () => {
  it('asks the engineer, citing the reported token when the log shows one', () => {
    const f = runRule(sessionLoggedOut, buildSheet());
    expect(f?.severity).toBe('manual');
    expect(f?.evidence[0]?.excerpt).toContain('setOfflinePushToken success');
    expect(f?.faq).toMatch(/Overview/);
  });

  it('asks without evidence when no token line was logged', () => {
    const f = runRule(sessionLoggedOut, buildSheet('xiaomi', { pushLog: { tokenReported: null } }));
    expect(f?.severity).toBe('manual');
    expect(f?.evidence).toEqual([]);
  });
});
