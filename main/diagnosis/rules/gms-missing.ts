import { channelOf, evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'gms-missing';

export const gmsMissing: Rule = (ctx) => {
  const channel = channelOf(ctx.sheet);
  if (channel === null) return unknownFinding(ctx, ID, ['pushChannel', 'gms']);
  if (channel !== 'fcm') return null;
  const gms = ctx.sheet.facts.gms;
  const evidence = evidenceFor(ctx.sheet, 'gms');
  if (gms === null || gms.installed === null) return unknownFinding(ctx, ID, ['gms.installed']);
  if (!gms.installed) {
    return finding(ID, 'error', {
      detail: 'Google Play services (com.google.android.gms) is not installed; FCM cannot deliver to this phone.',
      evidence,
      remedy: 'FCM needs Google Play services. Phones sold without it (e.g. China-market ROMs) cannot receive FCM pushes.',
    });
  }
  if (gms.enabled === null) return unknownFinding(ctx, ID, ['gms.enabled']);
  if (!gms.enabled) {
    return finding(ID, 'error', {
      detail: 'Google Play services is installed but disabled; FCM cannot deliver to this phone.',
      evidence,
      remedy: 'Enable Google Play services in Settings → Apps → show system apps → Google Play services.',
    });
  }
  const version = gms.versionName ? ` ${gms.versionName}` : '';
  return finding(ID, 'ok', { detail: `Google Play services${version} is installed and enabled.`, evidence });
};
