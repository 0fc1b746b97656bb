import { channelNames, isBlocked } from './channels.js';
import { evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'channel-blocked';

/**
 * Which channel a push lands on is set per message, so: every channel blocked is an error, some blocked a
 * warning naming them — except the channel TUIOfflinePush creates for the vendor (OPPO `tuikit`).
 */
export const channelBlocked: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
  const evidence = evidenceFor(ctx.sheet, 'app.channels');
  if (app.channels.length === 0) {
    return finding(ID, 'ok', { detail: `${ctx.app} has created no notification channels yet, so none is blocked.`, evidence });
  }
  const blocked = app.channels.filter(isBlocked);
  // A channel whose importance or group state could not be read is not known to be open.
  const unsure = app.channels.filter((c) => c.blocked === null && !isBlocked(c));
  if (blocked.length === 0 && unsure.length > 0) {
    return finding(ID, 'unknown', {
      detail: `Could not be read whether ${channelNames(unsure)} ${unsure.length > 1 ? 'are' : 'is'} blocked (importance or group state not printed in full); no other channel is blocked.`,
      evidence,
      remedy: 'Re-run the audit with the phone connected and unlocked; if it stays unknown, check the app\'s notification categories on the phone.',
    });
  }
  if (blocked.length === 0) {
    return finding(ID, 'ok', { detail: `None of ${ctx.app}'s ${app.channels.length} channel(s) is blocked.`, evidence });
  }
  const all = blocked.length === app.channels.length;
  const sdkChannel = ctx.vendor?.sdkChannelId ?? null;
  const sdkChannelBlocked = sdkChannel !== null && blocked.some((c) => c.id === sdkChannel);
  return finding(ID, all || sdkChannelBlocked ? 'error' : 'warning', {
    detail: all
      ? `Every notification channel of ${ctx.app} is blocked: ${channelNames(blocked)}.`
      : `Blocked channel(s): ${channelNames(blocked)}; a push sent on ${blocked.length > 1 ? 'one of them' : 'it'} is not shown.`,
    evidence,
    remedy: 'Settings → Apps → the app → Notifications: turn the blocked categories back on, and check which channel id the push names '
      + `(${ctx.vendor?.channelIdField ?? 'the vendor channel id'} in OfflinePushInfo).`,
    fixId: 'open-notification-settings',
  });
});
