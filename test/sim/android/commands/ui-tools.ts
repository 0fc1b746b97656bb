import { crc32, deflateSync } from 'node:zlib';
import type { AndroidDevice } from '../android-device.js';
import type { AndroidCommand } from './command.js';
import { shadeRows, tapShade } from './shade.js';

const WIDTH = 1080;
const HEIGHT = 2400;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

const pngCache = new WeakMap<AndroidDevice, Buffer>();

/** A real PNG of the phone's screen size: a status bar over a plain home screen; compresses to a few KiB. */
function screenshot(device: AndroidDevice): Buffer {
  const cached = pngCache.get(device);
  if (cached) return cached;
  const row = WIDTH * 3 + 1;
  const raw = Buffer.alloc(row * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) {
    const [r, g, b] = y < 80 ? [32, 33, 36] : [240, 244, 249];
    for (let x = 0; x < WIDTH; x++) {
      const offset = y * row + 1 + x * 3;
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header[8] = 8;
  header[9] = 2;
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  pngCache.set(device, png);
  return png;
}

/** `screencap -p [FILE]` (frameworks/base/cmds/screencap/screencap.cpp): PNG to stdout or to FILE. */
export const screencap: AndroidCommand = async (io, device) => {
  const file = io.args.find((a) => !a.startsWith('-'));
  const png = screenshot(device);
  if (file) {
    const problem = device.fs.writeFromShell(file, png, false);
    if (problem) {
      await io.err(`Error opening file: ${file} (${problem})\n`);
      return 1;
    }
    return 0;
  }
  await io.out(png);
  return 0;
};

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * `uiautomator dump [FILE]` (frameworks/testing uiautomator DumpCommand): writes the window
 * hierarchy and prints `UI hierchary dumped to: FILE` — the typo is in the real tool.
 */
export const uiautomator: AndroidCommand = async (io, device) => {
  const [verb, ...rest] = io.args;
  if (verb !== 'dump') {
    await io.err(`Unknown command: ${verb ?? ''}\nUsage: uiautomator <subcommand> [options]\n`);
    return 1;
  }
  const file = rest.find((a) => !a.startsWith('-')) ?? '/sdcard/window_dump.xml';
  const launcher = device.state.packages.find((p) => /launcher/.test(p.name))?.name ?? 'com.android.launcher3';
  const node = (index: number, text: string, cls: string, pkg: string, bounds: string, inner = ''): string =>
    `<node index="${index}" text="${escapeXml(text)}" resource-id="" class="${cls}" package="${pkg}" content-desc="" checkable="false" checked="false" clickable="false" enabled="true" focusable="false" focused="false" scrollable="false" long-clickable="false" password="false" selected="false" bounds="${bounds}"${inner ? `>${inner}</node>` : ' />'}`;
  const ui = 'com.android.systemui';
  const rows = shadeRows(device).map((r, i) => node(i, '', 'android.widget.FrameLayout', ui, `[${r.bounds[0]},${r.bounds[1]}][${r.bounds[2]},${r.bounds[3]}]`,
    node(0, r.title, 'android.widget.TextView', ui, `[48,${r.bounds[1] + 40}][1032,${r.bounds[1] + 100}]`)
    + node(1, r.text, 'android.widget.TextView', ui, `[48,${r.bounds[1] + 110}][1032,${r.bounds[1] + 170}]`)));
  const screen = device.runtime.shadeExpanded
    ? node(0, '', 'android.widget.FrameLayout', ui, `[0,0][${WIDTH},${HEIGHT}]`, node(0, '', 'android.widget.ScrollView', ui, `[0,300][${WIDTH},${HEIGHT}]`, rows.join('')))
    : node(0, '', 'android.widget.FrameLayout', launcher, `[0,0][${WIDTH},${HEIGHT}]`, node(0, '', 'android.widget.LinearLayout', launcher, `[0,80][${WIDTH},${HEIGHT}]`));
  const xml = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>" + `<hierarchy rotation="0">${screen}</hierarchy>`;
  const problem = device.fs.writeFromShell(file, Buffer.from(xml), false);
  if (problem) {
    await io.err(`ERROR: could not write to ${file}\n`);
    return 1;
  }
  await io.out(`UI hierchary dumped to: ${file}\n`);
  return 0;
};

/** KeyEvent codes the conditions of a test push use, by name and number (android/view/KeyEvent.java). */
const KEYCODES: Record<string, number> = { KEYCODE_HOME: 3, KEYCODE_POWER: 26, KEYCODE_SLEEP: 223, KEYCODE_WAKEUP: 224 };

/** What a key press changes: HOME leaves the app in the background, POWER/SLEEP/WAKEUP switch the screen. */
function pressKey(device: AndroidDevice, key: string): void {
  const code = /^\d+$/.test(key) ? Number(key) : KEYCODES[key.startsWith('KEYCODE_') ? key : `KEYCODE_${key}`];
  const rt = device.runtime;
  if (code === 3) {
    rt.foreground = null;
    rt.resumed = null;
    rt.shadeExpanded = false;
  }
  else if (code === 223 || (code === 26 && rt.screenOn)) rt.screenOn = false;
  else if (code === 224 || code === 26) rt.screenOn = true;
}

/** `input tap X Y` and friends (frameworks/base/cmds/input): silent on success. */
export const input: AndroidCommand = async (io, device) => {
  const [verb, ...args] = io.args;
  const numeric = args.every((a) => /^-?\d+(\.\d+)?$/.test(a));
  const arity: Record<string, number> = { tap: 2, swipe: 4, keyevent: 1, text: 1 };
  const expected = verb ? arity[verb] : undefined;
  if (expected === undefined || args.length < expected || ((verb === 'tap' || verb === 'swipe') && !numeric)) {
    await io.err(`Error: Invalid arguments for command: ${verb ?? ''}\nUsage: input [<source>] <command> [<arg>...]\n`);
    return 1;
  }
  if (verb === 'keyevent') for (const key of args) pressKey(device, key);
  if (verb === 'tap') tapShade(device, Number(args[0]), Number(args[1]));
  return 0;
};

/** `wm size` (WindowManagerShellCommand). */
export const wm: AndroidCommand = async (io) => {
  if (io.args[0] === 'size') {
    await io.out(`Physical size: ${WIDTH}x${HEIGHT}\n`);
    return 0;
  }
  if (io.args[0] === 'density') {
    await io.out('Physical density: 420\n');
    return 0;
  }
  await io.out(`Unknown command: ${io.args[0] ?? ''}\n`);
  return 255;
};
