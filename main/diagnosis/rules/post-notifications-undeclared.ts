import { msg } from '../../../common/i18n/msg.js';
import { absentEvidence, apkEvidence, withApk } from './apk-rule.js';
import { finding, type Rule } from './rule.js';

const ID = 'post-notifications-undeclared';
/** Android 13: POST_NOTIFICATIONS became a runtime permission the app must declare to ask for. */
const TIRAMISU = 33;
const PERMISSION = 'android.permission.POST_NOTIFICATIONS';

export const postNotificationsUndeclared: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const target = apk.manifest.targetSdk;
  const declared = apk.manifest.usesPermissions.find((p) => p.name === PERMISSION);
  if (declared) {
    return finding(ID, 'ok', {
      detail: msg('finding.post-notifications-undeclared.ok', { permission: PERMISSION }),
      evidence: apkEvidence(ctx, { command: 'AndroidManifest.xml', excerpt: `<uses-permission android:name="${PERMISSION}"> (line ${declared.source.line})` }),
    });
  }
  const sdkEvidence = { command: 'AndroidManifest.xml', excerpt: `<uses-sdk android:targetSdkVersion="${target ?? '(none)'}">` };
  if (target === null || target < TIRAMISU) {
    return finding(ID, 'ok', {
      detail: msg('finding.post-notifications-undeclared.old-target', { target: target ?? msg('word.unknown') }),
      evidence: apkEvidence(ctx, sdkEvidence),
    });
  }
  return finding(ID, 'error', {
    detail: msg('finding.post-notifications-undeclared.missing', { target, permission: PERMISSION }),
    evidence: apkEvidence(ctx, sdkEvidence, absentEvidence(`<uses-permission android:name="${PERMISSION}">`)),
    remedy: msg('finding.post-notifications-undeclared.remedy', { permission: PERMISSION }),
  });
});
