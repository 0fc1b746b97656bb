// Spawned by history-store.test.ts: writes one huge history file, to be killed while it writes.
import path from 'node:path';
import { writeFileAtomic } from '../util/output-target.js';

const [folder, name, mb] = process.argv.slice(2);
await writeFileAtomic(path.join(folder!, name!), new Uint8Array(Number(mb) * 1024 * 1024).fill(0x20), { force: false });
