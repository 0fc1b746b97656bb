import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AndroidDevice, PACKAGE_NAME, type ActivityStart } from './android-device.js';
import { stockSettingsActivities } from './stock-settings.js';
import { ANDROID_COMMANDS } from './commands/registry.js';
import { postNotification } from './commands/notification-post.js';
import type { PhoneOptions, PostResult, ShellIo, SimFileStat, SimPhone } from './phone.js';
import { deliverPush, pushTokens, type DeliveryResult, type SimPush } from './push-delivery.js';
import type { PhoneState, ProfileManifest } from './profile.js';
import { checkGetprop, formatZodProblems, manifestSchema, phoneStateSchema, readGetprop, type ProfileProblem } from './profile-schema.js';
import { runShell, type CommandEntry, type ShellHost } from './shell/interpreter.js';
import { EMPTY_INPUT } from './shell/pipe.js';
import { abortableDelay, createToybox } from './shell/toybox.js';
import { pseudoRandomBytes, pseudoRandomSize, SimFs } from './sim-fs.js';

const MIB = 1024 * 1024;

export interface LoadedProfile {
  manifest: ProfileManifest;
  getprop: string;
  state: PhoneState;
}

export class ProfileError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: ProfileProblem[],
  ) {
    super(`invalid profile ${dir}:\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
    this.name = 'ProfileError';
  }
}

function parseJson(text: string, file: string, problems: ProfileProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({ file, message: `not JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/** Reads and validates a profile folder; every problem found is reported at once. */
export async function loadProfile(profileDir: string): Promise<LoadedProfile> {
  const problems: ProfileProblem[] = [];
  const read = async (file: string): Promise<string | null> => {
    try {
      return await readFile(join(profileDir, file), 'utf8');
    } catch {
      problems.push({ file, message: 'missing' });
      return null;
    }
  };
  const [manifestText, getpropText, stateText] = await Promise.all([read('profile.json'), read('getprop.txt'), read('state.json')]);
  const manifest = manifestText === null ? undefined : manifestSchema.safeParse(parseJson(manifestText, 'profile.json', problems));
  const state = stateText === null ? undefined : phoneStateSchema.safeParse(parseJson(stateText, 'state.json', problems));
  if (manifest && !manifest.success) problems.push(...formatZodProblems('profile.json', manifest.error));
  if (state && !state.success) problems.push(...formatZodProblems('state.json', state.error));
  if (getpropText !== null) problems.push(...checkGetprop(getpropText));
  if (problems.length > 0 || !manifest?.success || !state?.success || getpropText === null) throw new ProfileError(profileDir, problems);
  return { manifest: manifest.data, getprop: getpropText, state: state.data };
}

export function parseGetprop(text: string): Map<string, string> {
  return readGetprop(text).props;
}

/** "2024-05-01 10:20:30" → seconds since epoch (UTC), or null. */
function seconds(text: string): number | null {
  const ms = Date.parse(text.replace(' ', 'T') + 'Z');
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function buildFs(profileDir: string, state: PhoneState, now: () => number): SimFs {
  const fs = new SimFs(now);
  fs.mkdirp('/sdcard', 0o040771);
  fs.mkdirp('/sdcard/Download', 0o040771);
  fs.mkdirp('/data/local/tmp', 0o040771);
  for (const pkg of state.packages) {
    if (!pkg.installed) continue;
    const mtime = seconds(pkg.lastUpdateTime) ?? Math.floor(now() / 1000);
    fs.mkdirp(pkg.codePath, 0o040775, mtime);
    const supplied = join(profileDir, 'apks', `${pkg.name}.apk`);
    if (existsSync(supplied)) {
      fs.addLazyFile(`${pkg.codePath}/base.apk`, statSync(supplied).size, () => readFileSync(supplied), 0o100644, mtime);
      continue;
    }
    // Stand-in bytes of a plausible size: 8–30 MiB for apps, smaller for system packages.
    const size = pkg.system ? pseudoRandomSize(pkg.name, 1 * MIB, 6 * MIB) : pseudoRandomSize(pkg.name, 8 * MIB, 30 * MIB);
    fs.addLazyFile(`${pkg.codePath}/base.apk`, size, () => pseudoRandomBytes(pkg.name, size), 0o100644, mtime);
  }
  return fs;
}

/** One simulated phone: an independent deep copy of the profile's state behind a small mksh. */
class SimulatedPhone implements SimPhone {
  private readonly host: ShellHost;
  private nextShellPid = 9000;

  constructor(
    readonly device: AndroidDevice,
    latencyMs: number,
  ) {
    const toybox = createToybox((path) => device.fs.read(path));
    const entries = new Map<string, CommandEntry>();
    for (const [name, run] of Object.entries(toybox)) entries.set(name, { run, android: false });
    for (const [name, command] of Object.entries(ANDROID_COMMANDS)) entries.set(name, { run: (io) => command(io, device), android: true });
    this.host = {
      lookup: (name) => entries.get(name.replace(/^\/(system\/bin|system\/xbin|vendor\/bin)\//, '')) ?? null,
      beforeAndroidCommand: (signal) => abortableDelay(latencyMs, signal),
      readFile: (path) => device.fs.read(path),
      writeFile: (path, data, append) => device.fs.writeFromShell(path, data, append),
    };
  }

  get manifest(): ProfileManifest {
    return this.device.manifest;
  }

  /** Every activity `am start` opened, oldest first: what a person would have seen appear on the screen. */
  get activityStarts(): readonly ActivityStart[] {
    return this.device.activityStarts;
  }

  /** The live state, for tests and the transport's diagnostics; commands change it in place. */
  get state(): PhoneState {
    return this.device.state;
  }

  async run(commandLine: string, io: ShellIo): Promise<number> {
    const out = (chunk: Buffer): Promise<void> => io.stdout(chunk);
    const err = (chunk: Buffer): Promise<void> => io.stderr(chunk);
    try {
      return await runShell(this.host, commandLine, { stdin: io.stdin ?? EMPTY_INPUT, stdout: out, stderr: err, signal: io.signal }, this.nextShellPid++);
    } catch (error) {
      // A bug in a simulated command must not take the whole phone (and its ADB daemon) down.
      await io.stderr(`simulator error: ${(error as Error).stack ?? String(error)}\n`).catch(() => {});
      return 255;
    }
  }

  stat(path: string): SimFileStat | null {
    return this.device.fs.stat(path);
  }

  list(path: string): { name: string; stat: SimFileStat }[] | null {
    return this.device.fs.list(path);
  }

  readFile(path: string): Buffer | null {
    return this.device.fs.read(path);
  }

  writeFile(path: string, data: Buffer, mode: number, mtime: number): void {
    this.device.fs.write(path, data, mode, mtime);
  }

  deliverPush(push: SimPush): DeliveryResult {
    return deliverPush(this.device, push);
  }

  foregroundPackage(): string | null {
    return this.device.runtime.screenOn ? this.device.runtime.foreground : null;
  }

  pushTokens(): Map<string, { pkg: string; transport: SimPush['transport'] }> {
    return pushTokens(this.device);
  }

  postAppNotification(pkg: string, channelId: string, title: string, text: string): PostResult {
    if (!PACKAGE_NAME.test(pkg)) return { posted: false, reason: 'not-installed' };
    const target = this.device.installedPackage(pkg);
    if (target?.stopped && target.pushBehaviour?.channel.toLowerCase() === 'fcm') {
      // Play services cannot start a stopped app to deliver the message (FLAG_EXCLUDE_STOPPED_PACKAGES).
      const gms = this.device.findPackage('com.google.android.gms');
      this.device.log(
        'main',
        'W',
        'GCM',
        `broadcast intent callback: result=CANCELLED forIntent { act=com.google.android.c2dm.intent.RECEIVE flg=0x10000000 pkg=${pkg} (has extras) }`,
        gms ? 4000 + (gms.uid % 1000) : 4146,
      );
      return { posted: false, reason: 'app-stopped' };
    }
    const id = (this.device.state.posted.filter((p) => p.pkg === pkg).reduce((max, p) => Math.max(max, p.id), 0) || 1000) + 1;
    return postNotification(this.device, { pkg, id, tag: null, channelId, title, text });
  }
}

export type SimAndroidPhone = SimulatedPhone;

export async function createPhone(profileDir: string, options: PhoneOptions = {}): Promise<SimAndroidPhone> {
  const profile = await loadProfile(profileDir);
  const now = options.now ?? Date.now;
  const state = structuredClone(profile.state);
  const settingsApp = state.packages.find((p) => p.name === 'com.android.settings');
  const sdk = Number(parseGetprop(profile.getprop).get('ro.build.version.sdk'));
  if (settingsApp && !settingsApp.activities?.length) settingsApp.activities = stockSettingsActivities(Number.isFinite(sdk) ? sdk : 34);
  const device = new AndroidDevice(profile.manifest, parseGetprop(profile.getprop), profile.getprop, state, buildFs(profileDir, state, now), now);
  return new SimulatedPhone(device, options.latencyMs ?? 0);
}

export interface ProfileListing {
  name: string;
  description: string;
  dir: string;
}

/** Profile folders under `root` (those holding a profile.json), sorted by name; unreadable ones are skipped. */
export function listProfiles(root: string): ProfileListing[] {
  if (!existsSync(root)) return [];
  const listings: ProfileListing[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, entry.name);
    const manifestPath = join(dir, 'profile.json');
    if (!existsSync(manifestPath)) continue;
    try {
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Partial<ProfileManifest>;
      listings.push({ name: manifest.name ?? entry.name, description: manifest.description ?? '', dir });
    } catch {
      continue;
    }
  }
  return listings.sort((a, b) => a.name.localeCompare(b.name));
}
