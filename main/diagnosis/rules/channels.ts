import type { ChannelFact } from '../../../common/domain/facts.js';

/** NotificationManager importance values (android.app.NotificationManager.IMPORTANCE_*). */
export const IMPORTANCE = { NONE: 0, MIN: 1, LOW: 2, DEFAULT: 3, HIGH: 4, UNSPECIFIED: -1000 } as const;

export function isBlocked(c: ChannelFact): boolean {
  return c.blocked === true || c.importance === IMPORTANCE.NONE;
}

/** Shown, but without sound or heads-up: importance MIN/LOW, or no sound and no vibration. */
export function isSilent(c: ChannelFact): boolean {
  if (isBlocked(c) || c.importance === null || c.importance === IMPORTANCE.UNSPECIFIED) return false;
  if (c.importance < IMPORTANCE.DEFAULT) return true;
  return c.sound === null && c.vibration === false;
}

export function channelNames(channels: readonly ChannelFact[]): string {
  return channels.map((c) => (c.name && c.name !== c.id ? `${c.id} ("${c.name}")` : c.id)).join(', ');
}
