import type { Msg } from '../../../common/domain/findings.js';
import { msg } from '../../../common/i18n/msg.js';

/**
 * Why a fact is unknown, for the reader. The probes record their reasons as English notes (FactSheet.unknown);
 * the fixed ones they write are recognised here and become catalog messages; any other note is the probe's
 * own words about the phone's output and is shown as it is, quoted (`reason.raw`: 「…」 in Chinese), never
 * guessed at. A probe that gains a fixed reason adds its pattern here.
 */
const PATTERNS: readonly { re: RegExp; to: (m: RegExpExecArray) => Msg }[] = [
  { re: /^not applicable: Android < (\d+) has no standby buckets$/, to: (m) => msg('reason.no-standby-buckets', { version: m[1]! }) },
  { re: /^not applicable: Android < (\d+)$/, to: (m) => msg('reason.android-below', { version: m[1]! }) },
  { re: /^not applicable: this phone exposes no autostart app-op \(check the vendor settings screen\)$/, to: () => msg('reason.no-autostart-op') },
  { re: /^(\S+) not printed by cmd appops on this phone$/, to: (m) => msg('reason.op-not-printed', { op: m[1]! }) },
  { re: /^(\S+) is not installed for user 0$/, to: (m) => msg('reason.app-not-installed', { app: m[1]! }) },
  { re: /^not installed$/, to: () => msg('reason.not-installed') },
  { re: /^missing$/, to: () => msg('reason.missing') },
  { re: /^not printed by the phone$/, to: () => msg('reason.not-printed') },
  { re: /^no registration error logged$/, to: () => msg('reason.no-registration-error') },
  { re: /^(\S+) is not set on this phone \((.+)\)$/, to: (m) => msg('reason.setting-not-set', { key: m[1]!, how: m[2]! }) },
];

export function reasonMsg(reason: string): Msg {
  for (const { re, to } of PATTERNS) {
    const m = re.exec(reason);
    if (m) return to(m);
  }
  return msg('reason.raw', { text: reason });
}
