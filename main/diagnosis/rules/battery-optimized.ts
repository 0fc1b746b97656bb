import { msg } from '../../../common/i18n/msg.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, vendorName, withApp, type Rule } from './rule.js';

const ID = 'battery-optimized';

/** Severity comes from the vendor table: it matters on FCM, much less where a system service displays the push. */
export const batteryOptimized: Rule = (ctx) => withApp(ctx, ID, (app) => {
  if (app.batteryOptimizationExempt === null) return unknownFinding(ctx, ID, ['app.batteryOptimizationExempt']);
  const evidence = evidenceFor(ctx.sheet, 'app.batteryOptimizationExempt');
  const p = { app: appParam(ctx) };
  if (app.batteryOptimizationExempt) return finding(ID, 'ok', { detail: msg('finding.battery-optimized.ok', p), evidence });
  const severity = ctx.vendor?.batteryOptimizationSeverity ?? 'warning';
  return finding(ID, severity, {
    detail: severity === 'warning'
      ? msg('finding.battery-optimized.fcm', p)
      : msg('finding.battery-optimized.vendor', { ...p, vendor: vendorName(ctx) }),
    evidence,
    remedy: msg('finding.battery-optimized.remedy', { path: screen(ctx, 'batteryOptimization') }),
    fixId: 'deviceidle-whitelist',
  });
});
