import type { ProfileManifest } from '../android/profile.js';
import { shellQuote, type ShellFraming } from './shell-service.js';

/** Features this transport implements; a profile may advertise fewer, never more. */
export const SUPPORTED_FEATURES = [
  'shell_v2',
  'cmd',
  'stat_v2',
  'ls_v2',
  'fixed_push_mkdir',
  'apex',
  'abb',
  'fixed_push_symlink_timestamp',
  'abb_exec',
  'remount_shell',
] as const;

export function advertisedFeatures(manifest: ProfileManifest): string[] {
  const supported: readonly string[] = SUPPORTED_FEATURES;
  return (manifest.features ?? supported).filter((feature) => supported.includes(feature));
}

/** The CNXN banner adbd builds in get_connection_string() (AOSP adb/adb.cpp). */
export function connectionBanner(manifest: ProfileManifest, features: readonly string[]): string {
  const { product, model, device } = manifest.banner;
  return `device::ro.product.name=${product};ro.product.model=${model};ro.product.device=${device};features=${features.join(',')}`;
}

export type Route = { kind: 'command'; commandLine: string; framing: ShellFraming } | { kind: 'sync' };

/** Maps an OPEN's service name to what answers it; null for services this phone does not offer. */
export function routeService(service: string, features: ReadonlySet<string>): Route | null {
  if (service === 'sync:') return { kind: 'sync' };
  const shell = /^shell(?:,([^:]*))?:([\s\S]*)$/.exec(service);
  if (shell) {
    const args = (shell[1] ?? '').split(',');
    const v2 = args.includes('v2') && features.has('shell_v2');
    return { kind: 'command', commandLine: shell[2] ?? '', framing: v2 ? 'v2' : 'raw' };
  }
  if (service.startsWith('exec:')) return { kind: 'command', commandLine: service.slice('exec:'.length), framing: 'raw' };
  // abb: and abb_exec: carry binder-command arguments split by NUL; `cmd` runs the same services.
  const abb = /^(abb|abb_exec):([\s\S]*)$/.exec(service);
  if (abb && features.has(abb[1] as string)) {
    const args = (abb[2] ?? '').split('\0').filter((arg) => arg !== '');
    return { kind: 'command', commandLine: ['cmd', ...args.map(shellQuote)].join(' '), framing: abb[1] === 'abb' ? 'v2' : 'raw' };
  }
  return null;
}
