import { shellQuote } from '../adb/shell-safety.js';
import type { DevicePort, DeviceRef } from '../adb/device-port.js';
import type { PushResult } from './types.js';

/** `cmd notification post` posts as the shell: the package to watch for the `local` route. */
export const LOCAL_POSTER = 'com.android.shell';

/**
 * The `local` route: a notification posted on the phone itself (NotificationShellCmd, Android 10+:
 * `cmd notification post [flags] <tag> <text>`, `-t TITLE`), to test the display path — shade, lock screen,
 * DND, sound — with no server at all. It posts as com.android.shell on its `shell_cmd` channel.
 */
export function localPostCommand(title: string, text: string, tag = 'push-doctor'): string {
  return `cmd notification post -t ${shellQuote(title)} ${shellQuote(tag)} ${shellQuote(text)}`;
}

export type LocalResult = Omit<PushResult, 'route'> & { route: 'local' };

export async function sendLocal(port: DevicePort, ref: DeviceRef, title: string, text: string, now: () => number = Date.now): Promise<LocalResult> {
  const command = localPostCommand(title, text);
  const sentAt = now();
  const base = { route: 'local' as const, messageId: null, steps: [], onlineStatus: null, notes: [] };
  try {
    const r = await port.shell(ref, command, { timeoutMs: 15_000 });
    const acceptedAt = now();
    if (r.exitCode === 0 && /^posting:/m.test(r.output)) {
      return { ...base, outcome: 'accepted', sentAt, acceptedAt, explanation: { code: '0', known: true, success: true, meaning: 'posted by `cmd notification post`', action: '', source: 'NotificationShellCmd', retryable: false } };
    }
    const said = r.output.trim().split('\n').slice(-2).join(' ');
    const meaning = /Unknown command/.test(said)
      ? 'this Android has no `cmd notification post` (it arrived in Android 10)'
      : `cmd notification post failed: ${said || `exit ${r.exitCode ?? '?'}`}`;
    return { ...base, outcome: 'rejected', sentAt, acceptedAt: null, explanation: { code: `exit-${r.exitCode ?? 'unknown'}`, known: true, success: false, meaning, action: 'Use a server route on this phone.', source: 'NotificationShellCmd', retryable: false } };
  } catch (error) {
    return { ...base, outcome: 'network-error', sentAt, acceptedAt: null, explanation: { code: 'adb', known: true, success: false, meaning: error instanceof Error ? error.message : String(error), action: 'Check that the phone is still connected (`adb devices`).', source: 'adb', retryable: true } };
  }
}
