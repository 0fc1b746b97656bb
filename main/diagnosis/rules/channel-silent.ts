import { msg } from '../../../common/i18n/msg.js';
import { channelNames, isSilent } from './channels.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'channel-silent';

export const channelSilent: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
  const evidence = evidenceFor(ctx.sheet, 'app.channels');
  const silent = app.channels.filter(isSilent);
  const p = { app: appParam(ctx) };
  if (silent.length === 0) {
    return finding(ID, 'ok', {
      detail: app.channels.length === 0 ? msg('finding.channel-silent.none', p) : msg('finding.channel-silent.ok', p),
      evidence,
    });
  }
  return finding(ID, 'warning', {
    detail: msg('finding.channel-silent.silent', { channels: channelNames(silent) }),
    evidence,
    remedy: msg('finding.channel-silent.remedy', { path: screen(ctx, 'notificationSound') }),
    fixId: 'open-notification-settings',
  });
});
