import { msg } from '../../../common/i18n/msg.js';
import { appParam, channelOf, evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'app-force-stopped';

/**
 * A stopped app receives no broadcasts until it is launched again. Vendor channels display notification
 * messages from their system service, so this is a warning there; FCM delivers to the app itself and drops
 * messages for a stopped app (`GCM-DMM … result=CANCELLED`), so on FCM it is an error.
 */
export const appForceStopped: Rule = (ctx) => withApp(ctx, ID, (app) => {
  const fcm = channelOf(ctx.sheet) === 'fcm';
  const cancelled = ctx.sheet.facts.pushLog?.fcmCancelledForStoppedApp === true;
  const remedy = msg('finding.app-force-stopped.remedy');
  const p = { app: appParam(ctx) };
  if (app.stopped === null) return unknownFinding(ctx, ID, ['app.stopped']);
  const evidence = evidenceFor(ctx.sheet, 'app.stopped', ...(cancelled ? ['pushLog.fcmCancelledForStoppedApp'] : []));
  if (app.stopped) {
    return finding(ID, fcm || cancelled ? 'error' : 'warning', {
      detail: fcm ? msg('finding.app-force-stopped.stopped-fcm', p) : msg('finding.app-force-stopped.stopped', p),
      evidence,
      remedy,
      fixId: 'start-app',
    });
  }
  if (cancelled) {
    return finding(ID, 'warning', { detail: msg('finding.app-force-stopped.cancelled', p), evidence, remedy });
  }
  return finding(ID, 'ok', { detail: msg('finding.app-force-stopped.ok', p), evidence });
});
