// Spawned by history-store.test.ts: writes one huge history file, to be killed while it writes.
import { writeAtomic } from './history-store.js';

const [folder, name, mb] = process.argv.slice(2);
await writeAtomic(folder!, name!, new Uint8Array(Number(mb) * 1024 * 1024).fill(0x20));
