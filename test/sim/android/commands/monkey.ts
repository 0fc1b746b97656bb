import { launchActivity } from './am.js';
import type { AndroidCommand } from './command.js';
import { fullClassName } from './pm.js';

/**
 * `monkey -p PKG -c android.intent.category.LAUNCHER 1`, the usual way to launch an app by package
 * (development/cmds/monkey/src/com/android/commands/monkey/Monkey.java): echoes its arguments,
 * starts the launcher activity, and reports the events injected.
 */
export const monkey: AndroidCommand = async (io, device) => {
  const args = io.args;
  const packages: string[] = [];
  const categories: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-p') packages.push(args[++i] ?? '');
    else if (args[i] === '-c') categories.push(args[++i] ?? '');
  }
  const count = Number(args[args.length - 1]);
  const echo = [
    ...args.map((a) => `  bash arg: ${a}`),
    `args: [${args.join(', ')}]`,
    ...args.map((a) => ` arg: "${a}"`),
    ...[...packages, ...categories].map((d) => `data="${d}"`),
  ];
  await io.out(echo.join('\n') + '\n');
  if (!Number.isInteger(count) || count <= 0) {
    await io.err('** Error: Count not specified\n');
    return 1;
  }
  const wanted = categories.length > 0 ? categories : ['android.intent.category.LAUNCHER'];
  const launchable = packages
    .map((name) => device.installedPackage(name))
    .flatMap((pkg) => (pkg && pkg.enabled < 2 ? (pkg.activities ?? []).map((a) => ({ pkg, a })) : []))
    .filter(({ a }) => a.actions.includes('android.intent.action.MAIN') && wanted.some((c) => a.categories?.includes(c)));
  const first = launchable[0];
  if (!first) {
    await io.out('** No activities found to run, monkey aborted.\n');
    return 252;
  }
  launchActivity(device, first.pkg, fullClassName(first.pkg.name, first.a.name), ['act=android.intent.action.MAIN', `cat=[${wanted[0]}]`]);
  await io.out(`Events injected: ${count}\n## Network stats: elapsed time=16ms (0ms mobile, 0ms wifi, 16ms not connected)\n`);
  return 0;
};
