import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPhone, listProfiles, loadProfile } from './create-phone.js';
import { captureIo } from './testing/capture-io.js';

const PROFILES = fileURLToPath(new URL('../profiles', import.meta.url));
const folders = readdirSync(PROFILES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** What an audit asks a phone, one line per command, as a client would batch it. */
const AUDIT = [
  'getprop',
  'pm list packages -U --show-versioncode',
  'pm list packages -d',
  'dumpsys package com.example.im',
  'dumpsys notification --noredact',
  'settings list global',
  'settings get secure lock_screen_show_notifications',
  'dumpsys deviceidle whitelist',
  'am get-standby-bucket com.example.im',
  'cmd appops get com.example.im RUN_ANY_IN_BACKGROUND',
  'cmd netpolicy get restrict-background',
  'logcat -d -b main,system,events',
];

describe('every profile under test/sim/profiles', () => {
  it('has at least one folder to check', () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(listProfiles(PROFILES).map((p) => p.dir.split('/').pop()).sort()).toEqual(folders);
  });

  for (const folder of folders) {
    it(`${folder}: validates against the schema and answers an audit batch`, async () => {
      const dir = join(PROFILES, folder);
      const profile = await loadProfile(dir);
      expect(profile.manifest.name).toBe(folder);
      const phone = await createPhone(dir);
      const cap = captureIo();
      const line = AUDIT.map((command, i) => `${command}; echo "<<${i}:$?>>"`).join('; ');
      await phone.run(line, cap.io);
      const out = cap.stdout();
      for (const [i] of AUDIT.entries()) expect(out).toMatch(new RegExp(`<<${i}:(0|1|255)>>`));
      expect(out).toContain(`[ro.build.version.sdk]: [${profile.getprop.match(/\[ro\.build\.version\.sdk\]: \[(\d+)\]/)?.[1]}]`);
      expect(cap.stderr()).not.toMatch(/inaccessible or not found|syntax error|simulator error/);
    });
  }
});
