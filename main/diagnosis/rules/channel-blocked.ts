import { msg, pluralMsg } from '../../../common/i18n/msg.js';
import { channelNames, isBlocked } from './channels.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'channel-blocked';

/**
 * Which channel a push lands on is set per message, so: every channel blocked is an error, some blocked a
 * warning naming them — except the channel TUIOfflinePush creates for the vendor (OPPO `tuikit`).
 */
export const channelBlocked: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
  const evidence = evidenceFor(ctx.sheet, 'app.channels');
  const p = { app: appParam(ctx) };
  const path = screen(ctx, 'notificationChannels');
  if (app.channels.length === 0) return finding(ID, 'ok', { detail: msg('finding.channel-blocked.none', p), evidence });
  const blocked = app.channels.filter(isBlocked);
  // A channel whose importance or group state could not be read is not known to be open.
  const unsure = app.channels.filter((c) => c.blocked === null && !isBlocked(c));
  if (blocked.length === 0 && unsure.length > 0) {
    return finding(ID, 'unknown', {
      detail: pluralMsg('finding.channel-blocked.unsure', unsure.length, { channels: channelNames(unsure) }),
      evidence,
      remedy: msg('finding.channel-blocked.unsure-remedy', { path }),
    });
  }
  if (blocked.length === 0) {
    return finding(ID, 'ok', { detail: msg('finding.channel-blocked.ok', { ...p, count: app.channels.length }), evidence });
  }
  const all = blocked.length === app.channels.length;
  const sdkChannel = ctx.vendor?.sdkChannelId ?? null;
  const sdkChannelBlocked = sdkChannel !== null && blocked.some((c) => c.id === sdkChannel);
  return finding(ID, all || sdkChannelBlocked ? 'error' : 'warning', {
    detail: all
      ? msg('finding.channel-blocked.all', { ...p, channels: channelNames(blocked) })
      : pluralMsg('finding.channel-blocked.some', blocked.length, { channels: channelNames(blocked) }),
    evidence,
    remedy: msg('finding.channel-blocked.remedy', { path, field: ctx.vendor?.channelIdField ?? msg('finding.channel-blocked.field') }),
    fixId: 'open-notification-settings',
  });
});
