import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { aaptDump, apkWorkspace, FRAMEWORK_RES } from '../../test/apk/build-apk.js';
import { obfuscateAttributeNames, rezip, utf8Manifest } from '../../test/apk/rewrite-apk.js';
import { ApkError } from './apk-error.js';
import { ANDROID_NAMESPACE, ATTR } from './android-attrs.js';
import { decodeBinaryXml, type XmlElement } from './binary-xml.js';
import { openZip } from './zip-reader.js';

/** Our tree printed the way `aapt dump xmltree` prints it (element and attribute lines, indentation dropped). */
function asAaptDump(root: XmlElement): string[] {
  const lines: string[] = [];
  const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
  const walk = (e: XmlElement): void => {
    lines.push(`E: ${e.name} (line=${e.line})`);
    for (const a of e.attributes) {
      const prefix = a.namespace === ANDROID_NAMESPACE ? 'android:' : '';
      const id = a.resourceId === null ? '' : `(0x${a.resourceId.toString(16).padStart(8, '0')})`;
      const raw = a.raw === null ? '' : ` (Raw: "${a.raw}")`;
      let value: string;
      if (a.dataType === 0x03) value = `"${a.value.type === 'string' ? a.value.value : '?'}"${raw}`;
      else if (a.dataType === 0x01) value = `@0x${(a.data >>> 0).toString(16).padStart(8, '0')}`;
      else value = `(type ${hex(a.dataType)})${hex(a.data)}${raw}`;
      lines.push(`A: ${prefix}${a.name}${id}=${value}`);
    }
    e.children.forEach(walk);
  };
  walk(root);
  return lines;
}

const aaptLines = (dump: string): string[] => dump.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('E:') || l.startsWith('A:'));

async function manifestOf(apk: string): Promise<Buffer> {
  const zip = await openZip(apk);
  try {
    return await zip.read('AndroidManifest.xml');
  } finally {
    await zip.close();
  }
}

describe('binary XML decoder', () => {
  let ws: Awaited<ReturnType<typeof apkWorkspace>>;
  let correct: string;
  beforeAll(async () => {
    ws = await apkWorkspace();
    correct = await ws.build('correct');
  });
  afterAll(() => ws.dispose());

  it('decodes an aapt-built manifest exactly as aapt dump xmltree prints it', async () => {
    const xml = decodeBinaryXml(await manifestOf(correct));
    const expected = aaptLines(await aaptDump('xmltree', correct, 'AndroidManifest.xml'));
    expect(expected.length).toBeGreaterThan(200);
    expect(asAaptDump(xml.root)).toEqual(expected);
  });

  it('decodes a manifest with a UTF-8 string pool and one with UTF-16 alike', async () => {
    const base = decodeBinaryXml(await manifestOf(correct));
    // Debian's aapt writes manifest pools in UTF-16 whatever --utf16 says; aapt2 writes UTF-8, made here by
    // re-encoding the pool, and aapt itself reads the result back the same.
    expect(base.strings.utf8).toBe(false);
    const apk = await rezip(correct, join(ws.dir, 'utf8.apk'), { 'AndroidManifest.xml': utf8Manifest(await manifestOf(correct)) });
    const utf8 = decodeBinaryXml(await manifestOf(apk));
    expect(utf8.strings.utf8).toBe(true);
    expect(asAaptDump(utf8.root)).toEqual(aaptLines(await aaptDump('xmltree', apk, 'AndroidManifest.xml')));
    expect(asAaptDump(utf8.root)).toEqual(asAaptDump(base.root));
  });

  it('decodes framework-res.apk\'s manifest as aapt does', async () => {
    const xml = decodeBinaryXml(await manifestOf(FRAMEWORK_RES));
    expect(asAaptDump(xml.root)).toEqual(aaptLines(await aaptDump('xmltree', FRAMEWORK_RES, 'AndroidManifest.xml')));
  });

  it('reads attributes by resource id after their names are obfuscated', async () => {
    const original = await manifestOf(correct);
    const garbled = obfuscateAttributeNames(original);
    const apk = await rezip(correct, join(ws.dir, 'obfuscated.apk'), { 'AndroidManifest.xml': garbled });
    const dump = aaptLines(await aaptDump('xmltree', apk, 'AndroidManifest.xml'));
    // aapt shows the garbled names too: the rewrite really removed them.
    expect(dump.some((l) => l.startsWith('A: android:name('))).toBe(false);
    const xml = decodeBinaryXml(await manifestOf(apk));
    expect(asAaptDump(xml.root)).toEqual(dump);
    const application = xml.root.children.find((c) => c.name === 'application')!;
    const meta = application.children.find((c) => c.name === 'meta-data')!;
    const name = meta.attributes.find((a) => a.resourceId === ATTR.name)!;
    expect(name.name).not.toBe('name');
    expect(name.value).toEqual({ type: 'string', value: 'com.vivo.push.api_key' });
  });

  it('keeps each attribute value\'s compiled type', async () => {
    const xml = decodeBinaryXml(await manifestOf(correct));
    const application = xml.root.children.find((c) => c.name === 'application')!;
    const meta = new Map(application.children.filter((c) => c.name === 'meta-data').map((m) => {
      const name = m.attributes.find((a) => a.resourceId === ATTR.name)?.value;
      return [name?.type === 'string' ? name.value : '', m.attributes.find((a) => a.resourceId === ATTR.value || a.resourceId === ATTR.resource)?.value];
    }));
    const get = (name: string): unknown => meta.get(name);
    expect(get('com.vivo.push.app_id')).toEqual({ type: 'int', format: 'dec', value: 105412345 });
    expect(get('com.hihonor.push.app_id')).toEqual({ type: 'reference', id: 0x7f020001, name: null });
    expect(get('im.sample.ratio')).toEqual({ type: 'float', value: 0.75 });
    expect(get('im.sample.debug')).toEqual({ type: 'boolean', value: false });
    expect(get('im.sample.color')).toEqual({ type: 'color', value: '#ff00ff00' });
    expect(get('im.sample.flags')).toEqual({ type: 'int', format: 'hex', value: 0x1f });
    // android:value accepts no dimension, so aapt keeps "12dp" as text.
    expect(get('im.sample.size')).toEqual({ type: 'string', value: '12dp' });
    expect(get('im.sample.channels')).toEqual({ type: 'reference', id: 0x7f030000, name: null });
    const chat = application.children.find((c) => c.attributes.some((a) => a.value.type === 'string' && a.value.value === 'com.example.im.ChatActivity'))!;
    const layout = chat.children.find((c) => c.name === 'layout')!;
    expect(Object.fromEntries(layout.attributes.map((a) => [a.name, a.value]))).toEqual({
      defaultWidth: { type: 'dimension', value: 600, unit: 'dp' },
      defaultHeight: { type: 'dimension', value: -1.5, unit: 'px' },
      gravity: { type: 'int', format: 'hex', value: 0x30 | 0x800005 },
      minWidth: { type: 'dimension', value: 450, unit: 'sp' },
    });
  });

  it('refuses malformed input with ApkError and never anything else', async () => {
    const good = await manifestOf(correct);
    expect(() => decodeBinaryXml(Buffer.alloc(0))).toThrow(ApkError);
    expect(() => decodeBinaryXml(Buffer.from('<manifest/>'))).toThrow(/not binary XML/);
    // Every truncation point and a sweep of single-byte corruptions: a decoded tree or an ApkError.
    const outcomes = new Set<string>();
    const attempt = (b: Buffer): void => {
      try {
        decodeBinaryXml(b);
        outcomes.add('ok');
      } catch (error) {
        if (!(error instanceof ApkError) && !(error instanceof RangeError)) throw error;
        outcomes.add(error instanceof ApkError ? error.code : 'range');
      }
    };
    for (let n = 0; n < good.length; n += 13) attempt(good.subarray(0, n));
    for (let i = 0; i < good.length; i += 7) {
      const b = Buffer.from(good);
      b[i] = b[i]! ^ 0xa5;
      attempt(b);
    }
    expect(outcomes.has('bad-xml')).toBe(true);
    // A corrupted length the checks cannot see surfaces as RangeError only from Buffer itself, never as a
    // TypeError or a hang; inspectApk maps both to a failed result (inspect-apk.test.ts).
    expect([...outcomes].every((o) => ['ok', 'bad-xml', 'range'].includes(o))).toBe(true);
  }, 30_000);
});
