import { channelOf, evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'app-force-stopped';

/**
 * A stopped app receives no broadcasts until it is launched again. Vendor channels display notification
 * messages from their system service, so this is a warning there; FCM delivers to the app itself and drops
 * messages for a stopped app (`GCM-DMM … result=CANCELLED`), so on FCM it is an error.
 */
export const appForceStopped: Rule = (ctx) => withApp(ctx, ID, (app) => {
  const fcm = channelOf(ctx.sheet) === 'fcm';
  const cancelled = ctx.sheet.facts.pushLog?.fcmCancelledForStoppedApp === true;
  const remedy = 'Open the app once (that clears the stopped state), then leave it with Home instead of Force stop or '
    + 'swiping it away; on ROMs whose swipe-away force-stops apps, lock the app in the recents screen.';
  if (app.stopped === null) return unknownFinding(ctx, ID, ['app.stopped']);
  const evidence = evidenceFor(ctx.sheet, 'app.stopped', ...(cancelled ? ['pushLog.fcmCancelledForStoppedApp'] : []));
  if (app.stopped) {
    return finding(ID, fcm || cancelled ? 'error' : 'warning', {
      detail: fcm
        ? `${ctx.app} is force-stopped; FCM drops messages for stopped apps until the app is opened again.`
        : `${ctx.app} is force-stopped; it cannot receive pass-through messages or run its receivers until opened again.`,
      evidence,
      remedy,
      fixId: 'start-app',
    });
  }
  if (cancelled) {
    return finding(ID, 'warning', {
      detail: `${ctx.app} is running now, but the log shows FCM cancelled a message earlier because the app was stopped.`,
      evidence,
      remedy,
    });
  }
  return finding(ID, 'ok', { detail: `${ctx.app} is not in the stopped state.`, evidence });
});
