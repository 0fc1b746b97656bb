import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApk } from '../../apk/build-apk.js';

/**
 * Builds the APK every simulated phone serves for the test app (`pm path com.example.im` → base.apk over sync):
 * test/apk/app, the correct TUIOfflinePush-style app, compiled by Debian's aapt. Its output is committed beside
 * this script so the simulator needs no aapt; run `npx tsx test/sim/apks/build-sim-apks.ts` after changing test/apk/app.
 */

const HERE = fileURLToPath(new URL('./', import.meta.url));

export async function buildSimApks(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'sim-apks-'));
  try {
    await copyFile(await buildApk('correct', work), join(HERE, 'com.example.im.apk'));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildSimApks();
