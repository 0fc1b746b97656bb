import type { Locale } from '../i18n/locale.js';
import { msg } from '../i18n/msg.js';
import { renderMsg } from '../i18n/render-finding.js';
import type { Msg } from './findings.js';
import type { DeviceState } from './report.js';

/**
 * What to do about each state a phone can be in and each way reading it can fail: one wording, used by the device
 * port's errors (CLI, reports) and by the workstation's sidebar alike. The words are the catalog's (`hint.*`,
 * common/i18n/messages), so each reader gets them in their language; HINTS is the English, for logs and the
 * contract's `hint` strings.
 */
export const HINT_MSGS = {
  unauthorized: msg('hint.unauthorized'),
  offline: msg('hint.offline'),
  // `ATTR{idVendor}` is udev syntax, not a placeholder: it is filled with itself.
  noPermissions: msg('hint.noPermissions', { idVendor: '{idVendor}' }),
  notFound: msg('hint.notFound'),
  gone: msg('hint.gone'),
  truncated: msg('hint.truncated'),
  timeout: msg('hint.timeout'),
} as const satisfies Record<string, Msg>;

export type HintName = keyof typeof HINT_MSGS;

export function hints(locale: Locale): Readonly<Record<HintName, string>> {
  return Object.fromEntries(Object.entries(HINT_MSGS).map(([k, m]) => [k, renderMsg(locale, m)])) as Record<HintName, string>;
}

export const HINTS = hints('en');

const STATE_HINT: Readonly<Record<Exclude<DeviceState, 'device'>, HintName>> = {
  unauthorized: 'unauthorized', offline: 'offline', 'no-permissions': 'noPermissions', gone: 'gone',
};

/** What to do about a phone in each state that is not ready, in a locale. */
export function stateHints(locale: Locale): Readonly<Record<Exclude<DeviceState, 'device'>, string>> {
  const h = hints(locale);
  return { unauthorized: h[STATE_HINT.unauthorized], offline: h[STATE_HINT.offline], 'no-permissions': h[STATE_HINT['no-permissions']], gone: h[STATE_HINT.gone] };
}

/** What to do about a phone in each state that is not ready (English). */
export const STATE_HINTS = stateHints('en');

export function stateHintMsg(state: Exclude<DeviceState, 'device'>): Msg {
  return HINT_MSGS[STATE_HINT[state]];
}
