import { msg } from '../../../common/i18n/msg.js';
import { appParam, evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'app-not-installed';

/** Installed and enabled for user 0; only this step reports a missing app, the app steps then stand aside. */
export const appNotInstalled: Rule = (ctx) => {
  if (ctx.app === null) return null;
  const app = ctx.sheet.facts.app;
  if (app === null || app.installed === null) return unknownFinding(ctx, ID, ['app.installed']);
  const evidence = evidenceFor(ctx.sheet, 'app.installed', 'app.enabled');
  const p = { app: appParam(ctx) };
  if (!app.installed) {
    return finding(ID, 'error', {
      detail: msg('finding.app-not-installed.missing', p),
      evidence,
      remedy: msg('finding.app-not-installed.missing-remedy'),
    });
  }
  if (app.enabled === false) {
    return finding(ID, 'error', {
      detail: msg('finding.app-not-installed.disabled', p),
      evidence,
      remedy: msg('finding.app-not-installed.disabled-remedy', p),
    });
  }
  const detail = app.versionName
    ? msg('finding.app-not-installed.ok-version', { ...p, version: app.versionName })
    : msg('finding.app-not-installed.ok', p);
  return finding(ID, 'ok', { detail, evidence });
};
