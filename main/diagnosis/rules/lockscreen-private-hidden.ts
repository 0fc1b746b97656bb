import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'lockscreen-private-hidden';

/** Content hidden on the lock screen does not stop a push; the user just sees "Contents hidden" (info). */
export const lockscreenPrivateHidden: Rule = (ctx) => {
  const showPrivate = ctx.sheet.facts.system.lockScreenShowPrivate;
  if (showPrivate === null) return unknownFinding(ctx, ID, ['system.lockScreenShowPrivate']);
  const evidence = evidenceFor(ctx.sheet, 'system.lockScreenShowPrivate');
  if (showPrivate) return finding(ID, 'ok', { detail: 'Notification content is shown on the lock screen.', evidence });
  return finding(ID, 'info', {
    detail: 'The lock screen hides notification content: a push shows as "Contents hidden" until the phone is unlocked.',
    evidence,
    remedy: 'If the user expects to read messages on the lock screen: Settings → Notifications → Lock screen → show all notification content.',
  });
};
