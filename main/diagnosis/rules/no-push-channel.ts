import { msg } from '../../../common/i18n/msg.js';
import { channelOf, evidenceFor, finding, unknownFinding, vendorName, type Rule } from './rule.js';

const ID = 'no-push-channel';

export const noPushChannel: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === null) return unknownFinding(ctx, ID, ['pushChannel', 'brand', 'manufacturer', 'gms']);
  const evidence = evidenceFor(ctx.sheet, 'brand', 'manufacturer', 'gms');
  if (channel === 'none') {
    return finding(ID, 'error', {
      detail: msg('finding.no-push-channel.none'),
      evidence,
      remedy: msg('finding.no-push-channel.remedy'),
    });
  }
  return finding(ID, 'ok', { detail: msg('finding.no-push-channel.ok', { vendor: ctx.vendor ? vendorName(ctx) : channel }), evidence });
};
