import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aaptDump, apkWorkspace, FRAMEWORK_RES } from '../../test/apk/build-apk.js';
import { reencodeTable, sparsifyTable } from '../../test/apk/rewrite-apk.js';
import { ApkError } from './apk-error.js';
import { ATTR } from './android-attrs.js';
import { decodeResourceTable, type ResourceConfig, type ResourceTable } from './resource-table.js';
import { openZip } from './zip-reader.js';

async function tableBytes(apk: string): Promise<Buffer> {
  const zip = await openZip(apk);
  try {
    return await zip.read('resources.arsc');
  } finally {
    await zip.close();
  }
}

interface DumpedEntry { id: number; name: string; config: string; bag: boolean; dataType: number | null; data: number | null }

/** `aapt dump resources`: one line per entry per configuration. */
function parseDump(dump: string): DumpedEntry[] {
  const out: DumpedEntry[] = [];
  let config = '';
  for (const line of dump.split('\n')) {
    const c = /^\s+config (.+):$/.exec(line);
    if (c) { config = c[1]!; continue; }
    const r = /^\s+resource (0x[0-9a-f]{8}) [^:]+:([^:]+): (?:t=(0x[0-9a-f]+) d=(0x[0-9a-f]+)|(<bag>))/.exec(line);
    if (r && !line.includes('spec resource')) {
      out.push({ id: Number(r[1]), name: r[2]!, config, bag: Boolean(r[5]), dataType: r[3] ? Number(r[3]) : null, data: r[4] ? Number(r[4]) : null });
    }
  }
  return out;
}

/** aapt's name for the qualifiers the test app uses. */
function label(c: ResourceConfig): string {
  if (c.isDefault) return '(default)';
  return [c.language, c.region && `r${c.region}`].filter(Boolean).join('-');
}

function expectMatchesDump(table: ResourceTable, dumped: DumpedEntry[]): void {
  expect(dumped.length).toBeGreaterThan(10);
  for (const d of dumped) {
    const mine = table.entries(d.id).find((e) => label(e.config) === d.config);
    expect(mine, `${d.name} ${d.config}`).toBeDefined();
    expect({ name: mine!.name, complex: mine!.complex, dataType: mine!.dataType, data: mine!.data === null ? null : mine!.data >>> 0 })
      .toEqual({ name: d.name, complex: d.bag, dataType: d.dataType, data: d.data });
  }
}

describe('resources.arsc decoder', () => {
  let ws: Awaited<ReturnType<typeof apkWorkspace>>;
  let correct: string;
  let dumped: DumpedEntry[];
  beforeAll(async () => {
    ws = await apkWorkspace();
    correct = await ws.build('correct');
    dumped = parseDump(await aaptDump('resources', correct));
  });
  afterAll(() => ws.dispose());

  it('finds every entry aapt dump resources lists, in every configuration, with the same type and data', async () => {
    expectMatchesDump(decodeResourceTable(await tableBytes(correct)), dumped);
  });

  it('resolves strings by name at the default configuration, and keeps other configurations', async () => {
    const table = decodeResourceTable(await tableBytes(correct));
    const [id] = table.idsByName('string', 'google_app_id');
    expect(table.entry(id!)?.value).toEqual({ type: 'string', value: '1:123456789012:android:0a1b2c3d4e5f6a7b' });
    const [appName] = table.idsByName('string', 'app_name');
    expect(table.entry(appName!)?.value).toEqual({ type: 'string', value: 'IM Demo' });
    expect(table.entries(appName!).map((e) => [label(e.config), e.value])).toEqual([
      ['(default)', { type: 'string', value: 'IM Demo' }],
      ['zh-rCN', { type: 'string', value: '即时通讯演示' }],
    ]);
    expect(table.idsByName('string', 'no_such_string')).toEqual([]);
    expect(table.resolve({ type: 'reference', id: appName!, name: null })).toEqual({ ok: true, value: { type: 'string', value: 'IM Demo' } });
  });

  it('says why a reference does not resolve instead of guessing', async () => {
    const table = decodeResourceTable(await tableBytes(correct));
    const [array] = table.idsByName('array', 'channels');
    expect(table.entry(array!)?.complex).toBe(true);
    expect(table.resolve({ type: 'reference', id: array!, name: null })).toEqual({ ok: false, reason: expect.stringMatching(/complex resource/) });
    expect(table.resolve({ type: 'reference', id: 0x7f0f0001, name: null })).toEqual({ ok: false, reason: expect.stringMatching(/not in resources.arsc/) });
    expect(table.resolve({ type: 'reference', id: 0x01040000, name: null })).toEqual({ ok: false, reason: expect.stringMatching(/framework resource/) });
  });

  it('decodes UTF-16 string pools (aapt --utf16) to the same values', async () => {
    const apk = await ws.build('correct', { utf16: true });
    const bytes = await tableBytes(apk);
    // The global pool's flags say UTF-16: the option took effect.
    expect(bytes.readUInt32LE(12 + 16) & 0x100).toBe(0);
    const table = decodeResourceTable(bytes);
    expectMatchesDump(table, parseDump(await aaptDump('resources', apk)));
    const [id] = table.idsByName('string', 'app_name');
    expect(table.entries(id!).map((e) => e.value)).toEqual([{ type: 'string', value: 'IM Demo' }, { type: 'string', value: '即时通讯演示' }]);
  });

  it('decodes a sparse table (FLAG_SPARSE type chunks) to the same entries', async () => {
    // Debian's aapt has no --enable-sparse-encoding: the aapt-built table is re-encoded sparse by hand.
    const dense = await tableBytes(correct);
    const sparse = sparsifyTable(dense);
    expect(sparse.length).not.toBe(dense.length);
    const table = decodeResourceTable(sparse);
    expectMatchesDump(table, dumped);
    expect(table.entry(table.idsByName('string', 'gcm_defaultSenderId')[0]!)?.value).toEqual({ type: 'string', value: '123456789012' });
  });

  it.each([
    ['16-bit offsets', { offset16: true }],
    ['compact entries', { compact: true }],
    ['both', { offset16: true, compact: true }],
  ])('decodes a table re-encoded with %s (newer aapt2 output) to the same entries', async (_what, options) => {
    const dense = await tableBytes(correct);
    const reencoded = reencodeTable(dense, options);
    expect(reencoded.equals(dense)).toBe(false);
    const table = decodeResourceTable(reencoded);
    expectMatchesDump(table, dumped);
    expect(table.entry(table.idsByName('string', 'google_app_id')[0]!)?.value).toEqual({ type: 'string', value: '1:123456789012:android:0a1b2c3d4e5f6a7b' });
    expect(table.entry(table.idsByName('array', 'channels')[0]!)?.complex).toBe(true);
  });

  it('decodes framework-res.apk\'s 31.8 MB table: the attribute ids the manifest reader uses are the ones it names', async () => {
    const bytes = await tableBytes(FRAMEWORK_RES);
    expect(bytes.length).toBeGreaterThan(30 << 20);
    const table = decodeResourceTable(bytes);
    expect(table.packages).toEqual([{ id: 1, name: 'android' }]);
    for (const [name, id] of Object.entries(ATTR)) expect(table.nameOf(id), name).toBe(`attr/${name}`);
    const [cancel] = table.idsByName('string', 'cancel');
    expect(cancel).toBe(0x01040000);
    expect(table.entry(cancel!)?.value).toEqual({ type: 'string', value: 'Cancel' });
    expect(table.entries(cancel!).length).toBeGreaterThan(50);
    expect(table.entries(cancel!).find((e) => e.config.language === 'de')?.value).toEqual({ type: 'string', value: 'Abbrechen' });
  });

  it('refuses malformed tables with ApkError', async () => {
    const good = await tableBytes(correct);
    expect(() => decodeResourceTable(Buffer.alloc(4))).toThrow(ApkError);
    expect(() => decodeResourceTable(good.subarray(0, good.length - 9))).toThrow(ApkError);
    const outcomes = new Set<string>();
    for (let i = 0; i < good.length; i += 3) {
      const b = Buffer.from(good);
      b[i] = b[i]! ^ 0x5a;
      try {
        const table = decodeResourceTable(b);
        for (const d of dumped) table.entries(d.id);
        outcomes.add('ok');
      } catch (error) {
        if (!(error instanceof ApkError) && !(error instanceof RangeError)) throw error;
        outcomes.add(error instanceof ApkError ? error.code : 'range');
      }
    }
    expect(outcomes.has('bad-table')).toBe(true);
    expect([...outcomes].every((o) => ['ok', 'bad-table', 'range'].includes(o))).toBe(true);
  }, 30_000);
});
