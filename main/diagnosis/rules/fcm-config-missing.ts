import { msg } from '../../../common/i18n/msg.js';
import { absentEvidence, apkEvidence, noteMsg, withApk } from './apk-rule.js';
import { finding, unknownFinding, type Rule } from './rule.js';

const ID = 'fcm-config-missing';
/** What FirebaseApp's default init (FirebaseOptions.fromResource) needs: without either, no FCM token. */
const REQUIRED = ['google_app_id', 'gcm_defaultSenderId'] as const;

export const fcmConfigMissing: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  if (apk.resourcesError) return unknownFinding(ctx, ID, ['apk'], msg('finding.fcm-config-missing.resources-unknown', { error: noteMsg(apk.resourcesError) }));
  const found = REQUIRED.map((name) => ({ name, s: apk.strings.find((x) => x.name === name) }));
  const bad = found.filter(({ s }) => !s || s.value === null || s.value.trim() === '');
  const evidence = apkEvidence(ctx, ...found.map(({ name, s }) => (s
    ? { command: 'resources.arsc', excerpt: `string/${name} = ${s.value === null ? `(${s.valueType})` : JSON.stringify(s.value)}` }
    : absentEvidence(`string/${name}`, 'resources.arsc'))));
  if (bad.length === 0) {
    return finding(ID, 'ok', { detail: msg('finding.fcm-config-missing.ok'), evidence });
  }
  return finding(ID, 'error', {
    detail: msg('finding.fcm-config-missing.missing', { names: bad.map((b) => b.name).join(', ') }),
    evidence,
    remedy: msg('finding.fcm-config-missing.remedy'),
  });
});
