import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'app-not-installed';

/** Installed and enabled for user 0; only this step reports a missing app, the app steps then stand aside. */
export const appNotInstalled: Rule = (ctx) => {
  if (ctx.app === null) return null;
  const app = ctx.sheet.facts.app;
  if (app === null || app.installed === null) return unknownFinding(ctx, ID, ['app.installed']);
  const evidence = evidenceFor(ctx.sheet, 'app.installed', 'app.enabled');
  if (!app.installed) {
    return finding(ID, 'error', {
      detail: `${ctx.app} is not installed for user 0.`,
      evidence,
      remedy: 'Install the build under test (the one whose certificate IDs are in the IM console), open it and log in, then re-run the audit.',
    });
  }
  if (app.enabled === false) {
    return finding(ID, 'error', {
      detail: `${ctx.app} is installed but disabled, so it can neither run nor show notifications.`,
      evidence,
      remedy: 'Enable the app in Settings → Apps → the app → Enable, open it and log in, then re-run the audit.',
    });
  }
  const version = app.versionName ? ` ${app.versionName}` : '';
  return finding(ID, 'ok', { detail: `${ctx.app}${version} is installed.`, evidence });
};
