import { formatValue } from '../../apk/res-value.js';
import { absentEvidence, apkEvidence, metaDataEvidence, metaDataOf, placeholderReason, withApk } from './apk-rule.js';
import { finding, type Rule } from './rule.js';

const ID = 'honor-manifest-appid';
const KEY = 'com.hihonor.push.app_id';

const REMEDY = 'Declare the Honor app id as a string: <meta-data android:name="com.hihonor.push.app_id" android:value="@string/honor_app_id"/> '
  + 'with <string name="honor_app_id">YOUR_APP_ID</string>, or a manifestPlaceholder written as "\\ YOUR_APP_ID" so aapt keeps it a '
  + 'string (Honor developer console → the app → app id); rebuild and reinstall.';

/**
 * Honor's push SDK reads `com.hihonor.push.app_id` with Bundle.getString(). aapt compiles an all-digit literal
 * (`android:value="104412345"`) to an integer, and getString() returns null for an int: the id looks right in
 * the source and is missing on the phone.
 */
export const honorManifestAppid: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const meta = metaDataOf(apk, KEY);
  if (!meta) {
    return finding(ID, 'error', {
      detail: `${KEY} is not in the manifest, so Honor push cannot register.`,
      evidence: apkEvidence(ctx, absentEvidence(`<meta-data android:name="${KEY}"> in <application>`)),
      remedy: REMEDY,
    });
  }
  const evidence = apkEvidence(ctx, metaDataEvidence(meta));
  const value = meta.resolved;
  if (!value) {
    return finding(ID, 'error', {
      detail: `${KEY} has no usable value${meta.unresolved ? `: ${meta.unresolved}` : ''}.`, evidence, remedy: REMEDY,
    });
  }
  if (value.type === 'int') {
    return finding(ID, 'error', {
      detail: `${KEY} is compiled as the integer ${formatValue(value)}: Honor's SDK reads it with Bundle.getString(), `
        + 'which returns null for an int, so registration fails although the id looks right in the source.',
      evidence,
      remedy: REMEDY,
    });
  }
  if (value.type !== 'string') {
    return finding(ID, 'error', { detail: `${KEY} is ${formatValue(value)}, not a string app id.`, evidence, remedy: REMEDY });
  }
  const placeholder = placeholderReason(value.value);
  if (placeholder) return finding(ID, 'error', { detail: `${KEY} ${placeholder}.`, evidence, remedy: REMEDY });
  return finding(ID, 'ok', { detail: `${KEY} is the string "${value.value}".`, evidence });
});
