import { VENDORS } from '../../../common/vendors/vendor-table.js';
import { formatValue } from '../../apk/res-value.js';
import { absentEvidence, apkEvidence, metaDataEvidence, metaDataOf, placeholderReason, withApk } from './apk-rule.js';
import { finding, type Rule } from './rule.js';

const ID = 'vivo-manifest-keys';

/**
 * The vivo push SDK reads its app id and key from the application's meta-data (TUIOfflinePush fills them from
 * the Gradle manifestPlaceholders VIVO_APPID / VIVO_APPKEY). Absent or left as a placeholder, registration
 * fails and the phone never gets a regId.
 */
export const vivoManifestKeys: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const problems: string[] = [];
  const evidence = apkEvidence(ctx);
  for (const key of VENDORS.vivo.manifestKeys) {
    const meta = metaDataOf(apk, key);
    if (!meta) {
      problems.push(`${key} is missing`);
      evidence.push(absentEvidence(`<meta-data android:name="${key}"> in <application>`));
      continue;
    }
    evidence.push(metaDataEvidence(meta));
    const value = meta.resolved;
    if (!value) {
      problems.push(`${key} has no usable value${meta.unresolved ? ` (${meta.unresolved})` : ''}`);
      continue;
    }
    // An int (aapt compiles a numeric app_id to one) is what vivo's SDK expects for app_id; only text can be a placeholder.
    const text = value.type === 'string' ? value.value : value.type === 'int' ? String(value.value) : null;
    if (text === null) {
      problems.push(`${key} is ${formatValue(value)}, not an id`);
      continue;
    }
    const placeholder = placeholderReason(text);
    if (placeholder) problems.push(`${key} ${placeholder}`);
  }
  if (problems.length === 0) {
    return finding(ID, 'ok', { detail: `${VENDORS.vivo.manifestKeys.join(' and ')} are set in the manifest.`, evidence });
  }
  return finding(ID, 'error', {
    detail: `vivo push cannot register: ${problems.join('; ')}.`,
    evidence,
    remedy: 'Set the app\'s vivo APPID and APPKEY (vivo open platform → the app → push) in the app module\'s build.gradle: '
      + 'manifestPlaceholders = [VIVO_APPID: "…", VIVO_APPKEY: "…"], so the merged manifest carries com.vivo.push.app_id and '
      + 'com.vivo.push.api_key; rebuild and reinstall.',
  });
});
