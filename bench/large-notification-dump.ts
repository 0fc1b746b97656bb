import { join } from 'node:path';
import { createPhone } from '../test/sim/android/create-phone.js';
import { PROFILES_DIR } from '../test/sim/lab.js';

/**
 * A `dumpsys notification` of at least `minBytes`, printed by the simulated Android (AOSP's format for
 * Android 14) for a phone with as many apps as it takes, each with the app-under-test's channels: the
 * shape of a busy real phone, at the size the parser target names.
 */
export async function largeNotificationDump(minBytes: number): Promise<string> {
  const phone = await createPhone(join(PROFILES_DIR, 'xiaomi-hyperos-a14'));
  const template = phone.state.packages.find((p) => p.name === 'com.example.im');
  if (!template) throw new Error('profile has no com.example.im');
  const dump = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    await phone.run('dumpsys notification --noredact', {
      stdout: async (c) => { chunks.push(Buffer.from(c)); },
      stderr: async () => undefined,
      signal: new AbortController().signal,
    });
    return Buffer.concat(chunks).toString('utf8');
  };
  const perApp = (await dump()).length;
  const copies = Math.ceil(minBytes / Math.max(200, perApp / 8));
  for (let i = 0; i < copies; i++) {
    phone.state.packages.push({ ...structuredClone(template), name: `com.example.app${i}`, uid: 20000 + i });
  }
  let text = await dump();
  while (text.length < minBytes) {
    const n = phone.state.packages.length;
    for (let i = 0; i < copies; i++) phone.state.packages.push({ ...structuredClone(template), name: `com.example.more${n + i}`, uid: 40000 + n + i });
    text = await dump();
  }
  return text;
}
