import { msg } from '../../../common/i18n/msg.js';
import { channelOf, evidenceFor, finding, titleMsg, unknownFinding, vendorName, type Rule } from './rule.js';

const ID = 'push-channel';

/** Which channel TUIOfflinePush will register with, for the engineer to check against the console (info). */
export const pushChannel: Rule = (ctx) => {
  const f = ctx.sheet.facts;
  const channel = channelOf(ctx.sheet);
  const evidence = evidenceFor(ctx.sheet, 'brand', 'manufacturer', 'pushChannel');
  if (channel === null) return unknownFinding(ctx, ID, ['pushChannel', 'brand', 'manufacturer', 'gms']);
  const who = { brand: f.brand ?? '?', manufacturer: f.manufacturer ?? '?' };
  if (channel === 'none') {
    return finding(ID, 'info', {
      detail: msg('finding.push-channel.none', who),
      evidence: [...evidence, ...evidenceFor(ctx.sheet, 'gms')],
      remedy: msg('finding.push-channel.none-remedy', { check: titleMsg('no-push-channel') }),
    });
  }
  const vendor = ctx.vendor ? vendorName(ctx) : channel;
  return finding(ID, 'info', {
    detail: msg('finding.push-channel.uses', { ...who, vendor }),
    evidence,
    remedy: msg('finding.push-channel.remedy', { vendor }),
  });
};
