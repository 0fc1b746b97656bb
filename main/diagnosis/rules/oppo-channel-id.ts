import { msg } from '../../../common/i18n/msg.js';
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
    const channel = ctx.vendor?.sdkChannelId ?? 'tuikit';
    if (sdk !== null && sdk < O) {
      return finding(ID, 'ok', { detail: msg('finding.oppo-channel-id.old-android'), evidence: evidenceFor(ctx.sheet, 'android') });
    }
    if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
    const evidence = evidenceFor(ctx.sheet, 'app.channels');
    if (app.channels.some((c) => c.id === channel)) {
      return finding(ID, 'ok', { detail: msg('finding.oppo-channel-id.ok', { channel }), evidence });
    }
    return finding(ID, 'warning', {
      detail: app.channels.length > 0
        ? msg('finding.oppo-channel-id.missing', { channel, channels: channelNames(app.channels) })
        : msg('finding.oppo-channel-id.missing-none', { channel }),
      evidence,
      remedy: msg('finding.oppo-channel-id.remedy', { channel }),
    });
  });
};
