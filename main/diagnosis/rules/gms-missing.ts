import { msg } from '../../../common/i18n/msg.js';
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
      detail: msg('finding.gms-missing.missing'),
      evidence,
      remedy: msg('finding.gms-missing.missing-remedy'),
    });
  }
  if (gms.enabled === null) return unknownFinding(ctx, ID, ['gms.enabled']);
  if (!gms.enabled) {
    return finding(ID, 'error', {
      detail: msg('finding.gms-missing.disabled'),
      evidence,
      remedy: msg('finding.gms-missing.disabled-remedy'),
    });
  }
  const detail = gms.versionName ? msg('finding.gms-missing.ok-version', { version: gms.versionName }) : msg('finding.gms-missing.ok');
  return finding(ID, 'ok', { detail, evidence });
};
