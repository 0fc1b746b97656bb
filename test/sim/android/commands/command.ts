import type { AndroidDevice } from '../android-device.js';
import type { CommandIo } from '../shell/interpreter.js';

/** An Android binary (dumpsys, pm, am, cmd …) on the simulated phone. */
export type AndroidCommand = (io: CommandIo, device: AndroidDevice) => Promise<number>;

/** How `cmd`/`pm`/`am` report an exception thrown inside system_server (ShellCommand.exec). */
export async function shellCommandException(io: CommandIo, verb: string, exception: string): Promise<number> {
  await io.err(`Exception occurred while executing '${verb}':\n${exception}\n`);
  return 255;
}

