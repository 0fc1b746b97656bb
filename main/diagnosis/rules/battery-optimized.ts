import { evidenceFor, finding, unknownFinding, vendorText, withApp, type Rule } from './rule.js';

const ID = 'battery-optimized';

/** Severity comes from the vendor table: it matters on FCM, much less where a system service displays the push. */
export const batteryOptimized: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.batteryOptimizationExempt === null) return unknownFinding(ctx, ID, ['app.batteryOptimizationExempt']);
  const evidence = evidenceFor(ctx.sheet, 'app.batteryOptimizationExempt');
  if (app.batteryOptimizationExempt) {
    return finding(ID, 'ok', { detail: `${ctx.app} is exempt from battery optimisation.`, evidence });
  }
  const severity = ctx.vendor?.batteryOptimizationSeverity ?? 'warning';
  return finding(ID, severity, {
    detail: severity === 'warning'
      ? `${ctx.app} is battery-optimised: in Doze, normal-priority FCM messages wait for the next maintenance window.`
      : `${ctx.app} is battery-optimised; ${ctx.vendor?.displayName ?? 'the vendor'} push is displayed by a system service, so this mostly delays work the app does after a push.`,
    evidence,
    remedy: vendorText(ctx.vendor, (v) => v.remedies.battery,
      'Settings → Apps → the app → Battery → Unrestricted (or Battery optimisation → All apps → the app → Don\'t optimise).'),
    fixId: 'deviceidle-whitelist',
  });
});
