import { describe, expect, it } from 'vitest';
import { assembleFacts } from './assemble-facts.js';
import { splitBugreport } from './bugreport.js';
import { dispatchCommand } from './command-dispatch.js';
import { fixture, fixtureNames, rawOutputs, realPhones, type TestOutput } from './fixtures.test-helper.js';
import type { ParseResult } from './parse-result.js';
import { parseAppHibernation } from './hibernation/app-hibernation.js';
import { parseAppOps } from './power/appops.js';
import { parseDeviceIdleWhitelist } from './power/deviceidle.js';
import { parseDumpsysNotification } from './notification/dumpsys-notification.js';
import { parseDumpsysPackage } from './packages/dumpsys-package.js';
import { parseGetprop } from './props/getprop.js';
import { parseLogcat } from './push-log/logcat.js';
import { parseRestrictBackground, parseRestrictBackgroundWhitelist } from './power/netpolicy.js';
import { parsePmListPackages } from './packages/pm-list-packages.js';
import { scanPushLog } from './push-log/push-log.js';
import { parseSettingsGet, parseSettingsList } from './settings/settings.js';
import { parseStandbyBucket } from './power/standby-bucket.js';
import { decodeCapture } from './text.js';

/** mulberry32: a small seeded generator, so a failing mutation can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GARBAGE = ['\u0000', '\uFFFD', '}', '{', '[', ']', ': [', '=', "'", '\u202E', '\t', '😀', ', mId=', 'User 0:', 'AppSettings: '];

function mutate(text: string, seed: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  let lines = text.split('\n');
  const ops = 1 + Math.floor(r() * 3);
  for (let k = 0; k < ops; k++) {
    switch (Math.floor(r() * 8)) {
      case 0: return text.slice(0, Math.floor(r() * text.length));
      case 1: lines = lines.filter(() => r() > 0.2); break;
      case 2: {
        const i = Math.floor(r() * lines.length);
        lines.splice(i, 0, ...lines.slice(i, i + 1 + Math.floor(r() * 5)));
        break;
      }
      case 3: lines = [...lines].sort(() => r() - 0.5); break;
      case 4: {
        const i = Math.floor(r() * lines.length);
        const line = lines[i] ?? '';
        const at = Math.floor(r() * (line.length + 1));
        lines[i] = line.slice(0, at) + pick(GARBAGE) + line.slice(at);
        break;
      }
      case 5: return lines.join('\r\n');
      case 6: return decodeCapture(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]));
      default: {
        const i = Math.floor(r() * lines.length);
        lines[i] = (lines[i] ?? '').slice(0, Math.floor(r() * 40));
      }
    }
  }
  return lines.join('\n');
}

const corpus: string[] = [
  ...['getprop', 'dumpsys-package', 'dumpsys-notification', 'appops', 'deviceidle', 'logcat', 'pm-list-packages']
    .flatMap((dir) => fixtureNames(dir).map((name) => fixture(dir, name))),
  ...realPhones('getprop.txt').map((p) => p.text),
];

const PARSERS: ((t: string) => ParseResult<unknown>)[] = [
  parseGetprop, parsePmListPackages, (t) => parseDumpsysPackage(t, 'com.tekartik.package1'),
  (t) => parseDumpsysNotification(t, 'com.ruanmei.ithome'), (t) => parseDumpsysNotification(t, null),
  parseSettingsList, parseSettingsGet, parseDeviceIdleWhitelist, parseStandbyBucket, parseAppOps,
  parseRestrictBackground, parseRestrictBackgroundWhitelist, parseAppHibernation, parseLogcat,
];

const ROUNDS = 40;

describe('fuzzing the parsers with mutated real outputs', () => {
  it(`never throws and always returns a typed result (${ROUNDS} mutations of each of ${corpus.length} outputs)`, () => {
    expect(corpus.length).toBeGreaterThan(10);
    const problems: string[] = [];
    let results = 0;
    for (let c = 0; c < corpus.length; c++) {
      for (let round = 0; round < ROUNDS; round++) {
        const seed = c * 1000 + round;
        const text = mutate(corpus[c] ?? '', seed);
        PARSERS.forEach((parse, p) => {
          try {
            const result = parse(text);
            const typed = result.ok ? 'value' in result : typeof result.reason === 'string';
            if (!typed) problems.push(`parser ${p} seed ${seed}: malformed result`);
            results++;
          } catch (error) {
            problems.push(`parser ${p} seed ${seed}: threw ${String(error)}`);
          }
        });
        try {
          if (!Array.isArray(scanPushLog(text, 'com.example.im').events)) problems.push(`push-log seed ${seed}`);
          splitBugreport(text, ['com.tekartik.package1']);
          dispatchCommand(text.slice(0, 200));
        } catch (error) {
          problems.push(`scanner/splitter seed ${seed}: threw ${String(error)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(results).toBe(corpus.length * ROUNDS * PARSERS.length);
  }, 60_000);

  it('assembles a FactSheet of the contract types from mutated outputs', () => {
    const sources: [string, string][] = [
      ['getprop', corpus.find((t) => t.includes('[ro.product.brand]')) ?? ''],
      ['dumpsys-package-app', fixture('dumpsys-package', 'wearos-tekartik-package1.txt')],
      ['dumpsys-notification', fixture('dumpsys-notification', 'oem-trimmed-appsettings-ithome.txt')],
      ['appops-app', fixture('appops', 'rokid-glasses-a12-bg-restricted.txt')],
      ['deviceidle-whitelist', fixture('deviceidle', 'emulator-a15-whitelist.txt')],
      ['logcat', fixture('logcat', 'tuiofflinepush-xiaomi-from-sdk-strings.txt')],
      ['settings-global', 'zen_mode=0\nlow_power=1\nmode_ringer=1\n'],
    ];
    for (let round = 0; round < 200; round++) {
      const outputs = rawOutputs(sources.map(([id, text], i): [string, TestOutput] =>
        [id, round % 7 === i ? { error: 'TIMEOUT' } : { text: mutate(text, round * 31 + i), exitCode: round % 5 === 0 ? null : 0 }]));
      const sheet = assembleFacts(outputs, round % 2 === 0 ? 'com.tekartik.package1' : 'com.ruanmei.ithome');
      const f = sheet.facts;
      for (const v of [f.manufacturer, f.brand, f.model, f.device]) expect(v === null || typeof v === 'string').toBe(true);
      expect(f.android === null || (typeof f.android.release === 'string' && Number.isInteger(f.android.sdk))).toBe(true);
      expect(f.system.zenMode === null || Number.isInteger(f.system.zenMode)).toBe(true);
      expect(Array.isArray(f.pushServices)).toBe(true);
      if (f.app) {
        for (const key of ['installed', 'enabled', 'stopped', 'notificationsEnabled', 'backgroundRestricted'] as const) {
          expect(f.app[key] === null || typeof f.app[key] === 'boolean', `${key} round ${round}`).toBe(true);
        }
        expect(f.app.channels === null || Array.isArray(f.app.channels)).toBe(true);
        for (const c of f.app.channels ?? []) expect(typeof c.id).toBe('string');
      }
      for (const [path, reason] of Object.entries(sheet.unknown)) expect(typeof reason, path).toBe('string');
      for (const list of Object.values(sheet.evidence)) for (const e of list) expect(typeof e.excerpt).toBe('string');
      expect(sheet.unknown.facts).toBeUndefined();
    }
  }, 60_000);
});
