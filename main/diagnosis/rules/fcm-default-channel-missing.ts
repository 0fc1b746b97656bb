import { apkEvidence, metaDataEvidence, metaDataOf, withApk } from './apk-rule.js';
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
      detail: `${KEY} is not a string${meta.unresolved ? ` (${meta.unresolved})` : ''}, so FCM ignores it.`,
      evidence,
      remedy: 'Set it to the id of a channel the app creates, as a string resource.',
    });
  }
  if (app.channels === null) return unknownFinding(ctx, ID, ['app.channels']);
  const channel = app.channels.find((c) => c.id === id);
  const phone = evidenceFor(ctx.sheet, 'app.channels');
  if (channel) return finding(ID, 'ok', { detail: `The FCM default channel "${id}" exists on the phone.`, evidence: [...evidence, ...phone] });
  return finding(ID, 'warning', {
    detail: `The manifest names "${id}" as FCM's default channel, but the app has not created it on this phone (${app.channels.length} channels: ${app.channels.map((c) => c.id).join(', ') || 'none'}); FCM posts to its fallback channel instead.`,
    evidence: [...evidence, ...phone],
    remedy: `Create the channel "${id}" (NotificationManager.createNotificationChannel) at app start, before any push arrives, or point ${KEY} at a channel the app creates.`,
  });
});
