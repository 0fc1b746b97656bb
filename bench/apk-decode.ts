import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { apkWorkspace, FRAMEWORK_RES } from '../test/apk/build-apk.js';
import { openZip } from '../main/apk/zip-reader.js';

/**
 * 4. APK decode: the manifest, resource table and agconnect JSON of a 50 MB APK (a stored and a deflated large
 * asset, built with aapt) and of Debian's framework-res.apk (45 MB, a 31.8 MB resources.arsc), each in a fresh
 * Node (bench/apk-measure.ts) so memory is counted above that process's idle. Targets: < 100 ms and < 30 MB above
 * idle for the 50 MB APK, < 1.5 s for framework-res.apk.
 */

const run = promisify(execFile);

interface Measured { ok: boolean; coldMs: number; medianMs: number; idleMiB: number; peakAboveIdleMiB: number }

async function measure(apk: string): Promise<Measured> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/apk-measure.ts', apk], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

/** 25 MB of random bytes stored (`-0 bin`) and ~50 MB of hex text that deflates to about half: ~50 MB on disk. */
async function largeApk(build: Awaited<ReturnType<typeof apkWorkspace>>['build']): Promise<string> {
  const stored = randomBytes(25 << 20);
  const deflated = Buffer.from(randomBytes(24 << 20).toString('hex'));
  return build('correct', { assets: { 'video.bin': stored, 'dictionary.txt': deflated }, noCompress: ['bin'] });
}

export async function apkDecode(): Promise<void> {
  const ws = await apkWorkspace();
  try {
    const big = await largeApk(ws.build);
    const zip = await openZip(big);
    const methods = [...zip.entries.values()].map((e) => `${e.name} ${e.method === 0 ? 'stored' : 'deflated'}`).join(', ');
    await zip.close();
    const size = (await stat(big)).size / 2 ** 20;
    const a = await measure(big);
    const f = await measure(FRAMEWORK_RES);
    const line = (m: Measured): string => `cold ${m.coldMs.toFixed(0)} ms, warm median ${m.medianMs.toFixed(1)} ms, peak ${m.peakAboveIdleMiB.toFixed(1)} MiB above idle (idle ${m.idleMiB.toFixed(0)} MiB)${m.ok ? '' : ' — DECODE FAILED'}`;
    console.log(`4. APK decode (manifest + resources.arsc + agconnect JSON, fresh Node each)`);
    console.log(`   ${size.toFixed(1)} MiB APK (${methods}): ${line(a)} (target < 100 ms, < 30 MB)`);
    console.log(`   framework-res.apk (${((await stat(FRAMEWORK_RES)).size / 2 ** 20).toFixed(1)} MiB): ${line(f)} (target < 1500 ms)`);
  } finally {
    await ws.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await apkDecode();
