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
      detail: `${PERMISSION} is declared.`,
      evidence: apkEvidence(ctx, { command: 'AndroidManifest.xml', excerpt: `<uses-permission android:name="${PERMISSION}"> (line ${declared.source.line})` }),
    });
  }
  const sdkEvidence = { command: 'AndroidManifest.xml', excerpt: `<uses-sdk android:targetSdkVersion="${target ?? '(none)'}">` };
  if (target === null || target < TIRAMISU) {
    return finding(ID, 'ok', {
      detail: `Target SDK ${target ?? 'unknown'} (< 33): Android grants notifications to the app without the permission being declared, and asks the user for it itself on Android 13+.`,
      evidence: apkEvidence(ctx, sdkEvidence),
    });
  }
  return finding(ID, 'error', {
    detail: `The app targets SDK ${target} but does not declare ${PERMISSION}: on Android 13+ it can never be granted, so no notification of the app is shown.`,
    evidence: apkEvidence(ctx, sdkEvidence, absentEvidence(`<uses-permission android:name="${PERMISSION}">`)),
    remedy: `Add <uses-permission android:name="${PERMISSION}"/> to the app's manifest and request it at runtime (e.g. after login); rebuild and reinstall.`,
  });
});
