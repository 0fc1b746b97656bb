import type { AndroidCommand } from './command.js';

/**
 * `getprop` prints every property as `[key]: [value]` (system/core/toolbox/getprop.cpp, Android 8+
 * sorts them); `getprop KEY [DEFAULT]` prints the value, the default, or an empty line.
 */
export const getprop: AndroidCommand = async (io, device) => {
  const args = io.args.filter((a) => !a.startsWith('-'));
  if (args.length === 0) {
    const text = device.getpropText.replace(/\r\n/g, '\n');
    await io.out(text.endsWith('\n') || text === '' ? text : text + '\n');
    return 0;
  }
  const [key, fallback] = args as [string, string | undefined];
  const value = device.props.get(key);
  await io.out(`${value !== undefined && value !== '' ? value : fallback ?? ''}\n`);
  return 0;
};
