/**
 * Child process of bench/apk-decode.ts: decodes one APK in a fresh Node, so "above idle" means above a Node
 * that has loaded the decoder and nothing else. Prints one JSON line.
 */
import { inspectApk } from '../main/apk/inspect-apk.js';

const path = process.argv[2];
if (!path) throw new Error('usage: apk-measure.ts FILE.apk');
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const idle = process.memoryUsage().rss;
let peak = idle;
const sample = (): void => { peak = Math.max(peak, process.memoryUsage().rss); };
const sampler = setInterval(sample, 1);

const times: number[] = [];
let ok = true;
for (let i = 0; i < 6; i++) {
  const t0 = performance.now();
  const result = await inspectApk(path);
  times.push(performance.now() - t0);
  sample();
  ok &&= result.ok;
}
clearInterval(sampler);
const warm = times.slice(1).sort((a, b) => a - b);
console.log(JSON.stringify({ ok, coldMs: times[0], medianMs: warm[Math.floor(warm.length / 2)], idleMiB: idle / 2 ** 20, peakAboveIdleMiB: (peak - idle) / 2 ** 20 }));
