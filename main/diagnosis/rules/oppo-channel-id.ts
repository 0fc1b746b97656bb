import { channelNames } from './channels.js';
import { channelOf, evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'oppo-channel-id';
/** Notification channels arrived in Android 8.0 (API 26). */
const O = 26;

/**
 * The phone's half of the OPPO ChannelID check (FAQ "OPPO devices"): does the channel TUIOfflinePush creates
 * exist in the app? Which ChannelID a message names is the test push's half; its finding replaces this one.
 */
export const oppoChannelId: Rule = (ctx) => {
  if (channelOf(ctx.sheet) !== 'oppo') return null;
  return withApp(ctx, ID, (app) => {
    const sdk = ctx.sheet.facts.android?.sdk ?? null;
    const wanted = ctx.vendor?.sdkChannelId ?? 'tuikit';
    if (sdk !== null && sdk < O) {
      return finding(ID, 'ok', { detail: 'Android 7 and below have no notification channels, so no ChannelID is needed.', evidence: evidenceFor(ctx.sheet, 'android') });
    }
    if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
    const evidence = evidenceFor(ctx.sheet, 'app.channels');
    if (app.channels.some((c) => c.id === wanted)) {
      return finding(ID, 'ok', {
        detail: `The app has created the "${wanted}" channel; OPPO pushes must name OPPOChannelID "${wanted}" (or another channel the app created).`,
        evidence,
      });
    }
    const present = app.channels.length > 0 ? ` Channels the app has: ${channelNames(app.channels)}.` : ' The app has created no channels.';
    return finding(ID, 'warning', {
      detail: `The app has no "${wanted}" channel, which TUIOfflinePush creates when OPPO registration runs; on Android 8+ OPPO does not show a push whose ChannelID the app has not created.${present}`,
      evidence,
      remedy: `Send OPPOChannelID naming a channel the app has created, or make sure OPPO registration ran (it creates "${wanted}"): open the app, log in and re-run the audit.`,
    });
  });
};
