import { channelOf, evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'no-push-channel';

export const noPushChannel: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === null) return unknownFinding(ctx, ID, ['pushChannel', 'brand', 'manufacturer', 'gms']);
  const evidence = evidenceFor(ctx.sheet, 'brand', 'manufacturer', 'gms');
  if (channel === 'none') {
    return finding(ID, 'error', {
      detail: 'This phone matches no vendor push channel and has no usable Google Play services, so it can receive no offline push.',
      evidence,
      remedy: 'Nothing in the app or console can fix this: TUIOfflinePush supports Xiaomi, Huawei, Honor, OPPO, vivo, Meizu and FCM. '
        + 'If the phone has Google Play services disabled, enable it; otherwise messages arrive only while the app is online.',
    });
  }
  return finding(ID, 'ok', { detail: `The phone has a push channel (${ctx.vendor?.displayName ?? channel}).`, evidence });
};
