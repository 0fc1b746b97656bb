import { channelOf, evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'push-channel';

/** Which channel TUIOfflinePush will register with, for the engineer to check against the console (info). */
export const pushChannel: Rule = (ctx) => {
  const f = ctx.sheet.facts;
  const channel = channelOf(ctx.sheet);
  const evidence = evidenceFor(ctx.sheet, 'brand', 'manufacturer', 'pushChannel');
  if (channel === null) return unknownFinding(ctx, ID, ['pushChannel', 'brand', 'manufacturer', 'gms']);
  const who = `brand ${f.brand ?? '?'}, manufacturer ${f.manufacturer ?? '?'}`;
  if (channel === 'none') {
    return finding(ID, 'info', {
      detail: `No push channel: ${who} matches no vendor and Google Play services is not available.`,
      evidence: [...evidence, ...evidenceFor(ctx.sheet, 'gms')],
      remedy: 'See "Phone has a push channel".',
    });
  }
  const name = ctx.vendor?.displayName ?? channel;
  return finding(ID, 'info', {
    detail: `TUIOfflinePush will use ${name} push on this phone (${who}).`,
    evidence,
    remedy: `The ${name} certificate must be uploaded in the IM console and its certificate ID built into the app.`,
  });
};
