import { absentEvidence, apkEvidence, withApk } from './apk-rule.js';
import { finding, unknownFinding, type Rule } from './rule.js';

const ID = 'fcm-config-missing';
/** What FirebaseApp's default init (FirebaseOptions.fromResource) needs: without either, no FCM token. */
const REQUIRED = ['google_app_id', 'gcm_defaultSenderId'] as const;

export const fcmConfigMissing: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  if (apk.resourcesError) return unknownFinding(ctx, ID, ['apk'], `The APK's resources could not be read (${apk.resourcesError}); check google-services.json by hand.`);
  const found = REQUIRED.map((name) => ({ name, s: apk.strings.find((x) => x.name === name) }));
  const bad = found.filter(({ s }) => !s || s.value === null || s.value.trim() === '');
  const evidence = apkEvidence(ctx, ...found.map(({ name, s }) => (s
    ? { command: 'resources.arsc', excerpt: `string/${name} = ${s.value === null ? `(${s.valueType})` : JSON.stringify(s.value)}` }
    : absentEvidence(`string/${name}`, 'resources.arsc'))));
  if (bad.length === 0) {
    return finding(ID, 'ok', { detail: 'The Firebase config (google_app_id, gcm_defaultSenderId) is packaged.', evidence });
  }
  return finding(ID, 'error', {
    detail: `The Firebase config is not packaged (${bad.map((b) => b.name).join(', ')} missing or empty), so Firebase does not start and FCM issues no token.`,
    evidence,
    remedy: 'Put the project\'s google-services.json in the app module and apply the com.google.gms.google-services Gradle plugin '
      + '(it generates these string resources); rebuild and reinstall.',
  });
});
