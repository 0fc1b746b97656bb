import { describe, expect, it } from 'vitest';
import { parseDeviceIdleWhitelist } from './deviceidle.js';
import { parseRestrictBackground, parseRestrictBackgroundWhitelist } from './netpolicy.js';
import { parseStandbyBucket } from './standby-bucket.js';
import { fixture } from '../fixtures.test-helper.js';

describe('deviceidle', () => {
  it('reads the whitelist command and the whitelist sections of a full dump', () => {
    const r = parseDeviceIdleWhitelist(fixture('deviceidle', 'xiaomi-hyperos-whitelist-head25.txt'));
    expect(r.ok && r.value.format).toBe('whitelist');
    expect(r.ok && r.value.entries.filter((e) => e.package === 'com.android.updater').map((e) => e.kind)).toEqual(['system-excidle', 'system']);
    expect(r.ok && r.value.entries.find((e) => e.package === 'com.google.android.gms')?.kind).toBe('system-excidle');
    const emulator = parseDeviceIdleWhitelist(fixture('deviceidle', 'emulator-a15-whitelist.txt'));
    expect(emulator.ok && emulator.value.entries.find((e) => e.kind === 'user')).toMatchObject({ package: 'com.example.bilimonitor', uid: 10153 });
    const full = parseDeviceIdleWhitelist(fixture('deviceidle', 'full-dump-sections.txt'));
    expect(full.ok && full.value.format).toBe('full-dump');
    expect(full.ok && full.value.entries.filter((e) => e.kind === 'user').map((e) => e.package)).toEqual(['com.tencent.mm']);
  });
});

describe('one-line outputs', () => {
  it('reads standby buckets by number and rejects other text', () => {
    expect(parseStandbyBucket('45\n')).toEqual({ ok: true, value: { value: 45, line: '45' } });
    expect(parseStandbyBucket('Unknown command: get-standby-bucket').ok).toBe(false);
  });

  it('reads Data Saver state and its allow list', () => {
    expect(parseRestrictBackground('Restrict background status: enabled\n')).toMatchObject({ ok: true, value: { value: true } });
    expect(parseRestrictBackgroundWhitelist('Restrict background whitelisted UIDs: 10047 10097 \n'))
      .toMatchObject({ ok: true, value: { value: [10047, 10097] } });
    expect(parseRestrictBackgroundWhitelist('Restrict background whitelisted UIDs: none\n')).toMatchObject({ ok: true, value: { value: [] } });
  });
});
