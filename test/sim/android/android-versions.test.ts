import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPhone, type SimAndroidPhone } from './create-phone.js';
import { captureIo } from './testing/capture-io.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/pixel-a14', import.meta.url));
const REAL = fileURLToPath(new URL('../../fixtures/real', import.meta.url));
const APP = 'com.example.im';
const scratch = mkdtempSync(join(tmpdir(), 'simandroid-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The fixture phone with another Android version in its getprop. */
async function phoneWithSdk(sdk: number): Promise<SimAndroidPhone> {
  const dir = join(scratch, `sdk${sdk}`);
  cpSync(FIXTURE, dir, { recursive: true });
  const getprop = readFileSync(join(dir, 'getprop.txt'), 'utf8').replace('[ro.build.version.sdk]: [34]', `[ro.build.version.sdk]: [${sdk}]`);
  writeFileSync(join(dir, 'getprop.txt'), getprop);
  return createPhone(dir);
}

async function sh(phone: SimAndroidPhone, line: string): Promise<{ code: number; out: string; err: string }> {
  const cap = captureIo();
  const code = await phone.run(line, cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

function channelLine(dump: string, id: string): string {
  return dump.split('\n').find((line) => line.includes(`NotificationChannel{mId='${id}'`)) ?? '';
}

describe('outputs follow the AOSP code of the phone’s Android version', () => {
  it('NotificationChannel fields: 28 has mFgServiceShown, 29 adds bubbles, 30 conversations, 33 mDeletedTimeMs, 35 vibration effect', async () => {
    const fields = async (sdk: number): Promise<string[]> => {
      const dump = (await sh(await phoneWithSdk(sdk), 'dumpsys notification --noredact')).out;
      return [...channelLine(dump, 'im_message').matchAll(/(m[A-Za-z]+)=/g)].map((m) => m[1]!);
    };
    const p28 = await fields(28);
    expect(p28).toContain('mFgServiceShown');
    expect(p28).not.toContain('mAllowBubbles');
    const q29 = await fields(29);
    expect(q29).toEqual(expect.arrayContaining(['mAllowBubbles', 'mImportanceLockedByOEM']));
    expect(q29).not.toContain('mConversationId');
    expect(await fields(30)).toEqual(expect.arrayContaining(['mImportanceLockedDefaultApp', 'mOriginalImp', 'mParent', 'mConversationId', 'mDemoted', 'mImportantConvo']));
    expect(await fields(30)).not.toContain('mDeletedTimeMs');
    expect(await fields(33)).toEqual(expect.arrayContaining(['mDeletedTimeMs', 'mImportanceLockedByOEM']));
    const u34 = await fields(34);
    expect(u34).toContain('mUserVisibleTaskShown');
    expect(u34).not.toContain('mImportanceLockedByOEM');
    expect(u34).not.toContain('mLastNotificationUpdateTimeMs');
    const v35 = await fields(35);
    expect(v35).toEqual(expect.arrayContaining(['mVibrationPattern', 'mVibrationEffect', 'mUserVisibleTaskShown']));
    expect(v35).not.toContain('mVibration');
  });

  it('matches the field order of genuine captures: NotificationChannel (Xiaomi, Android 15) and User 0 (Pixel, Android 16)', async () => {
    const names = (line: string): string[] => [...line.matchAll(/(?:\{|, )(m[A-Za-z]+)=/g)].map((m) => m[1]!);
    const real = readFileSync(join(REAL, 'xiaomi-miui-dumpsys-notification/dumpsys-notification.preferences-excerpt.txt'), 'utf8');
    const realChannel = real.split('\n').find((line) => line.includes('NotificationChannel{'))!;
    const ours = channelLine((await sh(await phoneWithSdk(35), 'dumpsys notification')).out, 'im_message');
    expect(names(ours)).toEqual(names(realChannel));
    expect(ours).toMatch(/mName=New\.\.\., /);

    const userFields = (text: string): string[] => [...(text.match(/User 0: .*/)?.[0] ?? '').matchAll(/ ([A-Za-z]+)=/g)].map((m) => m[1]!);
    const realPackage = readFileSync(join(REAL, 'google-pixel-dumpsys-package-a16/dumpsys-package.txt'), 'utf8');
    const ourPackage = (await sh(await phoneWithSdk(36), `dumpsys package ${APP}`)).out;
    expect(userFields(ourPackage)).toEqual(userFields(realPackage));
    expect(ourPackage).toMatch(/\n {4}appId=10234\n/);
  });

  it('app-level settings: Records with showBadge on 9, importance only when set on 12, permission-based on 13+', async () => {
    const line = async (sdk: number): Promise<string> => {
      const phone = await phoneWithSdk(sdk);
      phone.state.packages.find((p) => p.name === APP)!.notifications!.enabled = false;
      const dump = (await sh(phone, 'dumpsys notification')).out;
      expect(dump).toContain(sdk <= 28 ? '\nRecords:\n' : '\nPackagePreferences:\n');
      return dump.split('\n').find((l) => l.includes(`AppSettings: ${APP}`)) ?? '';
    };
    expect(await line(28)).toBe(`      AppSettings: ${APP} (10234) importance=NONE showBadge=true`);
    expect(await line(31)).toBe(`      AppSettings: ${APP} (10234) importance=NONE`);
    expect(await line(33)).toBe(`      AppSettings: ${APP} (10234) importance=NONE userSet=true`);
  });

  it('redacts channel names on 10+ unless --noredact', async () => {
    const phone = await phoneWithSdk(31);
    expect(channelLine((await sh(phone, 'dumpsys notification')).out, 'im_message')).toContain('mName=New...,');
    expect(channelLine((await sh(phone, 'dumpsys notification --noredact')).out, 'im_message')).toContain('mName=New messages,');
  });

  it('the User 0 line of dumpsys package gains virtual= on 9 and distractionFlags= on 10', async () => {
    const userLine = async (sdk: number): Promise<string> =>
      ((await sh(await phoneWithSdk(sdk), `dumpsys package ${APP}`)).out.match(/User 0: .*/) ?? [''])[0];
    expect(await userLine(27)).toMatch(/^User 0: ceDataInode=\d+ installed=true hidden=false suspended=false stopped=true notLaunched=false enabled=0 instant=false$/);
    expect(await userLine(28)).toMatch(/ instant=false virtual=false$/);
    expect(await userLine(29)).toMatch(/ suspended=false distractionFlags=0 stopped=true /);
  });

  it('app_hibernation exists from Android 12; cmd notification post from Android 10', async () => {
    expect(await sh(await phoneWithSdk(30), `cmd app_hibernation get-state ${APP}`)).toMatchObject({ code: 20, err: "cmd: Can't find service: app_hibernation\n" });
    expect((await sh(await phoneWithSdk(31), `cmd app_hibernation get-state ${APP}`)).out).toBe('false\n');
    expect((await sh(await phoneWithSdk(28), 'cmd notification post t x')).code).toBe(255);
  });

  it('the restricted standby bucket exists from Android 11', async () => {
    expect((await sh(await phoneWithSdk(29), `am set-standby-bucket ${APP} restricted`)).err).toBe('Error: Unknown bucket: restricted\n');
    expect((await sh(await phoneWithSdk(30), `am set-standby-bucket ${APP} restricted; am get-standby-bucket ${APP}`)).out).toBe('45\n');
  });

  it('POST_NOTIFICATIONS is unknown to pm before Android 13', async () => {
    const phone = await phoneWithSdk(31);
    delete phone.state.packages.find((p) => p.name === APP)!.runtimePermissions['android.permission.POST_NOTIFICATIONS'];
    expect((await sh(phone, `pm grant ${APP} android.permission.POST_NOTIFICATIONS`)).err).toContain('Unknown permission: android.permission.POST_NOTIFICATIONS');
  });
});
