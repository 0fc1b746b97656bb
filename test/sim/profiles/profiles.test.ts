import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pickPushChannel } from '../../../main/diagnosis/push-channel.js';
import { manifestSchema, phoneStateSchema } from '../android/profile-schema.js';
import type { PhoneState, ProfileManifest, SimPackage } from '../android/profile.js';

const here = dirname(fileURLToPath(import.meta.url));
const APP = 'com.example.im';

interface Profile {
  name: string;
  manifest: ProfileManifest;
  state: PhoneState;
  props: Map<string, string>;
  notes: string;
}

/**
 * Reads getprop text the way phones print it: a value may span several lines (persist.sys.boot.reason.history
 * on Honor) and some vivo builds print spaces after the closing bracket.
 */
function readGetprop(text: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const match of text.matchAll(/^\[([^\]]+)\]: \[([\s\S]*?)\] *$/gm)) props.set(match[1] ?? '', match[2] ?? '');
  return props;
}

function loadProfiles(): Profile[] {
  return readdirSync(here, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(here, entry.name);
      return {
        name: entry.name,
        manifest: manifestSchema.parse(JSON.parse(readFileSync(join(dir, 'profile.json'), 'utf8'))),
        state: phoneStateSchema.parse(JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'))),
        props: readGetprop(readFileSync(join(dir, 'getprop.txt'), 'utf8')),
        notes: readFileSync(join(dir, 'NOTES.md'), 'utf8'),
      };
    });
}

const profiles = loadProfiles();
const byName = new Map(profiles.map((p) => [p.name, p]));

function profile(name: string): Profile {
  const found = byName.get(name);
  if (!found) throw new Error(`no profile ${name}`);
  return found;
}

function pkg(p: Profile, name: string): SimPackage | undefined {
  return p.state.packages.find((candidate) => candidate.name === name);
}

function app(p: Profile): SimPackage {
  const found = pkg(p, APP);
  if (!found) throw new Error(`${p.name} has no ${APP}`);
  return found;
}

function sdk(p: Profile): number {
  return Number(p.props.get('ro.build.version.sdk'));
}

function gmsUsable(p: Profile): boolean {
  const gms = pkg(p, 'com.google.android.gms');
  return gms !== undefined && gms.installed && (gms.enabled === 0 || gms.enabled === 1);
}

describe('simulated phone profiles', () => {
  it('has the fifteen phones of the lab, each folder complete', () => {
    expect(profiles.map((p) => p.name).sort()).toEqual([
      'honor-harmonyos-a10', 'honor-magicos-a14', 'honor-magicos-a15', 'huawei-harmonyos-a12', 'meizu-flyme-a14',
      'oneplus-oxygenos-a14', 'oppo-coloros-a14', 'oppo-coloros5-a8', 'pixel-a15', 'pixel-a16', 'redmi-miui-a12',
      'redmi-unauthorized-a12', 'samsung-oneui-a14', 'vivo-originos-a14', 'xiaomi-hyperos-a14',
    ]);
    for (const p of profiles) {
      expect(p.manifest.name, p.name).toBe(p.name);
      expect(p.notes.length, p.name).toBeGreaterThan(200);
      expect(p.manifest.sources.length, p.name).toBeGreaterThan(0);
    }
  });

  it('sends the CNXN banner the getprop of the same phone names', () => {
    for (const p of profiles) {
      expect(p.manifest.banner, p.name).toEqual({
        product: p.props.get('ro.product.name'),
        model: p.props.get('ro.product.model'),
        device: p.props.get('ro.product.device'),
      });
    }
  });

  it('registers the app on the channel TUIOfflinePush picks from brand, manufacturer and Play services', () => {
    for (const p of profiles) {
      const behaviour = app(p).pushBehaviour;
      if (!behaviour) continue;
      const channel = pickPushChannel({
        brand: p.props.get('ro.product.brand') ?? null,
        manufacturer: p.props.get('ro.product.manufacturer') ?? null,
        gmsAvailable: gmsUsable(p),
      });
      expect(behaviour.channel, p.name).toBe(channel);
    }
  });

  it('sends the old Honor made by Huawei to the Huawei channel and the new Honor to Honor push', () => {
    const old = profile('honor-harmonyos-a10');
    expect([old.props.get('ro.product.brand'), old.props.get('ro.product.manufacturer')]).toEqual(['HONOR', 'HUAWEI']);
    expect(app(old).pushBehaviour?.channel).toBe('huawei');
    expect(pkg(old, 'com.huawei.hwid')).toBeDefined();
    expect(app(profile('honor-magicos-a15')).pushBehaviour?.channel).toBe('honor');
    expect(pkg(profile('honor-magicos-a15'), 'com.hihonor.android.pushagent')).toBeDefined();
  });

  it('installs the vendor push service each registered channel needs', () => {
    const service: Record<string, string[]> = {
      xiaomi: ['com.xiaomi.xmsf'], huawei: ['com.huawei.hwid'], honor: ['com.hihonor.android.pushagent'],
      oppo: ['com.heytap.mcs', 'com.coloros.mcs'], vivo: ['com.vivo.pushservice'], meizu: ['com.meizu.cloud'],
      fcm: ['com.google.android.gms'],
    };
    for (const p of profiles) {
      const channel = app(p).pushBehaviour?.channel;
      if (!channel) continue;
      const present = (service[channel] ?? []).filter((name) => pkg(p, name)?.installed);
      expect(present.length, `${p.name} (${channel})`).toBeGreaterThan(0);
    }
  });

  it('gives Huawei no Google Play services and HMS Core instead', () => {
    const huawei = profile('huawei-harmonyos-a12');
    expect(pkg(huawei, 'com.google.android.gms')).toBeUndefined();
    expect(pkg(huawei, 'com.huawei.hwid')?.installed).toBe(true);
  });

  it('asks POST_NOTIFICATIONS exactly on Android 13 and later', () => {
    for (const p of profiles) {
      const asks = 'android.permission.POST_NOTIFICATIONS' in app(p).runtimePermissions;
      expect(asks, p.name).toBe(sdk(p) >= 33);
    }
  });

  it('keeps one phone with nothing wrong and at most two troubles on the others', () => {
    const healthy = profile('xiaomi-hyperos-a14');
    expect(healthy.manifest.trouble).toEqual([]);
    const a = app(healthy);
    expect([a.stopped, a.notifications?.enabled, a.runtimePermissions['android.permission.POST_NOTIFICATIONS'], a.standbyBucket]).toEqual([false, true, true, 10]);
    expect(healthy.state.settings.global['zen_mode']).toBe('0');
    expect(healthy.state.deviceidle.user).toContain(APP);
    for (const p of profiles) expect(p.manifest.trouble.length, p.name).toBeLessThanOrEqual(2);
  });

  it('encodes each phone\'s stated trouble in what the phone reports', () => {
    expect(app(profile('redmi-miui-a12')).stopped).toBe(true);
    expect(app(profile('huawei-harmonyos-a12')).notifications?.enabled).toBe(false);
    expect(app(profile('oppo-coloros5-a8')).notifications?.enabled).toBe(false);
    expect(app(profile('pixel-a16')).runtimePermissions['android.permission.POST_NOTIFICATIONS']).toBe(false);
    expect(profile('oneplus-oxygenos-a14').state.settings.global['zen_mode']).toBe('1');
    expect(profile('vivo-originos-a14').state.settings.global['low_power']).toBe('1');
    expect(profile('honor-harmonyos-a10').state.settings.secure['lock_screen_show_notifications']).toBe('0');
    expect(pkg(profile('meizu-flyme-a14'), 'com.meizu.cloud')?.enabled).toBe(3);
    const samsung = app(profile('samsung-oneui-a14'));
    expect([samsung.standbyBucket, samsung.appops['RUN_ANY_IN_BACKGROUND']]).toEqual([45, 'ignore']);
    const silent = app(profile('honor-magicos-a15')).notifications?.channels.find((c) => c.id === 'new_message');
    expect([silent?.importance, silent?.sound]).toEqual([2, null]);
    const pixel15 = app(profile('pixel-a15'));
    const blocked = pixel15.notifications?.channels.find((c) => c.id === 'new_message');
    expect([blocked?.importance, pixel15.notifications?.enabled, pixel15.runtimePermissions['android.permission.POST_NOTIFICATIONS']]).toEqual([0, true, true]);
    const honor14 = profile('honor-magicos-a14');
    expect([app(honor14).standbyBucket, honor14.state.deviceidle.user.includes(APP), honor14.state.deviceidle.systemExceptIdle.includes(APP)]).toEqual([40, false, false]);
  });

  it('creates the OPPO "tuikit" channel on OPPO-channel phones except the one whose trouble is its absence', () => {
    const ids = (name: string): string[] => app(profile(name)).notifications?.channels.map((c) => c.id) ?? [];
    expect(ids('oneplus-oxygenos-a14')).toContain('tuikit');
    expect(ids('oppo-coloros5-a8')).toContain('tuikit');
    expect(ids('oppo-coloros-a14')).not.toContain('tuikit');
  });

  it('logs the token report only where the app registered, in threadtime format', () => {
    const threadtime = /^\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} +\d+ +\d+ [VDIWEF] .+?: /;
    for (const p of profiles) {
      for (const line of p.state.logcat) expect(line, p.name).toMatch(threadtime);
      const reported = p.state.logcat.some((line) => line.includes('setOfflinePushToken success'));
      expect(reported, p.name).toBe(app(p).pushBehaviour?.tokenResult === 'success' && p.manifest.auth.mode === 'none');
    }
  });

  it('names the business id of pushBehaviour in the setOfflinePushConfig line', () => {
    for (const p of profiles) {
      const behaviour = app(p).pushBehaviour;
      if (!behaviour || p.manifest.auth.mode !== 'none') continue;
      expect(p.state.logcat.some((line) => line.includes(`setOfflinePushConfig businessID = ${behaviour.businessId} pushToken = `)), p.name).toBe(true);
    }
  });

  it('builds every getprop from a genuine capture kept under test/fixtures/real', () => {
    for (const p of profiles) {
      const source = p.manifest.sources[0]?.url ?? '';
      expect(source, p.name).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
    }
    const fixtures = join(here, '..', '..', 'fixtures', 'real');
    const folders = readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.length).toBeGreaterThanOrEqual(12);
    for (const folder of folders) expect(existsSync(join(fixtures, folder.name, 'SOURCES.md')), folder.name).toBe(true);
  });
});
