import { msg, pluralMsg } from '../../../common/i18n/msg.js';
import { apkEvidence, metaDataEvidence, metaDataOf, noteMsg, withApk } from './apk-rule.js';
import { evidenceFor, finding, unknownFinding, type Rule } from './rule.js';

const ID = 'fcm-default-channel-missing';
const KEY = 'com.google.firebase.messaging.default_notification_channel_id';

/**
 * The one channel id an APK names where a tool can read it: FCM posts notification messages that name no channel
 * to the manifest's default channel. When the app never created that channel, FCM logs "Notification Channel set
 * in AndroidManifest.xml has not been created by the app" and posts to its own fallback channel, whose sound and
 * importance the app did not choose. Needs the phone's channel list: not applicable to an APK alone.
 */
export const fcmDefaultChannelMissing: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const meta = metaDataOf(apk, KEY);
  if (!meta) return null;
  const app = ctx.sheet.facts.app;
  if (!app) return null;
  const id = meta.resolved?.type === 'string' ? meta.resolved.value : null;
  const evidence = apkEvidence(ctx, metaDataEvidence(meta));
  if (id === null) {
    return finding(ID, 'warning', {
      detail: meta.unresolved
        ? msg('finding.fcm-default-channel-missing.not-string-why', { key: KEY, why: noteMsg(meta.unresolved) })
        : msg('finding.fcm-default-channel-missing.not-string', { key: KEY }),
      evidence,
      remedy: msg('finding.fcm-default-channel-missing.not-string-remedy'),
    });
  }
  if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
  const channel = app.channels.find((c) => c.id === id);
  const phone = evidenceFor(ctx.sheet, 'app.channels');
  if (channel) return finding(ID, 'ok', { detail: msg('finding.fcm-default-channel-missing.ok', { id }), evidence: [...evidence, ...phone] });
  return finding(ID, 'warning', {
    detail: pluralMsg('finding.fcm-default-channel-missing.missing', app.channels.length, {
      count: app.channels.length,
      id, channels: app.channels.map((c) => c.id).join(', ') || msg('word.none'),
    }),
    evidence: [...evidence, ...phone],
    remedy: msg('finding.fcm-default-channel-missing.remedy', { id, key: KEY }),
  });
});
