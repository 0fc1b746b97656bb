import { execFile } from 'node:child_process';
import { access, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Builds the test APKs with Debian's aapt (packages `aapt` + `android-framework-res`, installed by .ci/run), so
 * the binary XML and resource tables under test are the genuine formats, not our own idea of them.
 * The source app is test/apk/app/ (a TUIOfflinePush-style app with every vendor's components); each broken
 * variant is that app with one named edit, and every edit checks the text it replaces is there, so a change to
 * the base app cannot turn a variant into a silent copy of it.
 */

const run = promisify(execFile);
export const APP_DIR = fileURLToPath(new URL('./app/', import.meta.url));
/** Where Debian's android-framework-res package puts it; ANDROID_FRAMEWORK_RES points elsewhere. */
export const FRAMEWORK_RES = process.env.ANDROID_FRAMEWORK_RES ?? '/usr/share/android-framework-res/framework-res.apk';
const MISSING_TOOLS = 'the APK tests build with Debian\'s aapt against framework-res.apk: `sudo apt-get install aapt android-framework-res`';

type Edit = { file: string; replace: string | RegExp; with: string } | { file: string; remove: true };

const manifest = (replace: string, replacement: string): Edit => ({ file: 'AndroidManifest.xml', replace, with: replacement });

const VIVO_KEYS = [
  '<meta-data android:name="com.vivo.push.api_key" android:value="0b6a8f1f2d1e4c7a9b3c5d7e9f1a2b3c" />',
  '<meta-data android:name="com.vivo.push.app_id" android:value="105412345" />',
];
const HONOR_APPID = '<meta-data android:name="com.hihonor.push.app_id" android:value="@string/honor_app_id" />';
const FIREBASE_STRINGS = /^\s*<string name="(google_app_id|gcm_defaultSenderId|project_id|google_api_key|google_crash_reporting_api_key|google_storage_bucket|default_web_client_id)".*$/gm;

export const VARIANTS = {
  correct: [],
  'vivo-keys-missing': VIVO_KEYS.map((line) => manifest(line, '')),
  'vivo-keys-placeholder': [
    manifest(VIVO_KEYS[0]!, '<meta-data android:name="com.vivo.push.api_key" android:value="${VIVO_APPKEY}" />'),
    manifest(VIVO_KEYS[1]!, '<meta-data android:name="com.vivo.push.app_id" android:value="${VIVO_APPID}" />'),
  ],
  // What a manifestPlaceholder or a hand-written literal gives: aapt compiles the digits to an int.
  'honor-appid-int': [manifest(HONOR_APPID, '<meta-data android:name="com.hihonor.push.app_id" android:value="104412345" />')],
  'honor-appid-missing': [manifest(HONOR_APPID, '')],
  'agconnect-missing': [{ file: 'assets/agconnect-services.json', remove: true }],
  'agconnect-other-package': [{ file: 'assets/agconnect-services.json', replace: '"package_name": "com.example.im"', with: '"package_name": "com.example.other"' }],
  'firebase-missing': [{ file: 'res/values/strings.xml', replace: FIREBASE_STRINGS, with: '' }],
  'click-not-exported': [manifest(
    '<activity android:name="com.example.im.ChatActivity" android:exported="true"',
    '<activity android:name="com.example.im.ChatActivity" android:exported="false"',
  )],
  'vivo-components-missing': [
    manifest('<service android:name="com.vivo.push.sdk.service.CommandClientService"', '<service android:name="com.example.im.Unrelated"'),
    manifest('com.vivo.pushclient.action.RECEIVE', 'com.example.im.action.NOTHING'),
  ],
} satisfies Record<string, Edit[]>;
export type Variant = keyof typeof VARIANTS;

export interface BuildOptions {
  /** `aapt package --utf16`: UTF-16 string pools in resources.arsc (the manifest's are UTF-16 either way). */
  utf16?: boolean;
  /** Extra files under assets/, e.g. large ones for the benchmark. */
  assets?: Record<string, Buffer>;
  /** Extensions aapt must store uncompressed (`-0 ext`). */
  noCompress?: string[];
}

/** A scratch directory for one test file's APKs; `dispose` removes it. */
export async function apkWorkspace(): Promise<{ dir: string; build: (variant: Variant, options?: BuildOptions) => Promise<string>; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'push-doctor-apk-'));
  let n = 0;
  return {
    dir,
    build: (variant, options = {}) => buildApk(variant, join(dir, `${variant}-${n++}`), options),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function buildApk(variant: Variant, workDir: string, options: BuildOptions = {}): Promise<string> {
  const src = join(workDir, 'src');
  await cp(APP_DIR, src, { recursive: true });
  for (const edit of VARIANTS[variant] as Edit[]) await applyEdit(src, edit);
  for (const [name, data] of Object.entries(options.assets ?? {})) await writeFile(join(src, 'assets', name), data);
  const out = join(workDir, `${variant}.apk`);
  const args = ['package', '-f', '-M', join(src, 'AndroidManifest.xml'), '-S', join(src, 'res'), '-A', join(src, 'assets'), '-I', FRAMEWORK_RES, '-F', out];
  if (options.utf16) args.push('--utf16');
  for (const ext of options.noCompress ?? []) args.push('-0', ext);
  await aapt(args);
  return out;
}

async function applyEdit(src: string, edit: Edit): Promise<void> {
  const path = join(src, edit.file);
  if ('remove' in edit) {
    await rm(path);
    return;
  }
  const text = await readFile(path, 'utf8');
  const next = typeof edit.replace === 'string' ? text.split(edit.replace).join(edit.with) : text.replace(edit.replace, edit.with);
  if (next === text) throw new Error(`variant edit found nothing to replace in ${edit.file}: ${edit.replace}`);
  await writeFile(path, next);
}

/** `aapt dump <what> apk [file]`: the reference our decoders are checked against. */
export async function aaptDump(what: 'xmltree' | 'resources' | 'badging', apk: string, file?: string): Promise<string> {
  return aapt(['dump', what, apk, ...(file ? [file] : [])]);
}

async function aapt(args: string[]): Promise<string> {
  try {
    await access(FRAMEWORK_RES);
  } catch {
    throw new Error(`${FRAMEWORK_RES} is missing: ${MISSING_TOOLS}`);
  }
  try {
    return (await run('aapt', args, { maxBuffer: 256 << 20 })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`aapt is not on PATH: ${MISSING_TOOLS}`);
    throw error;
  }
}
