import { msg } from '../../../common/i18n/msg.js';
import { formatValue } from '../../apk/res-value.js';
import { absentEvidence, apkEvidence, metaDataEvidence, metaDataOf, noteMsg, placeholderReason, withApk } from './apk-rule.js';
import { finding, type Rule } from './rule.js';

const ID = 'honor-manifest-appid';
const KEY = 'com.hihonor.push.app_id';

const REMEDY = msg('finding.honor-manifest-appid.remedy');

/**
 * Honor's push SDK reads `com.hihonor.push.app_id` with Bundle.getString(). aapt compiles an all-digit literal
 * (`android:value="104412345"`) to an integer, and getString() returns null for an int: the id looks right in
 * the source and is missing on the phone.
 */
export const honorManifestAppid: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const meta = metaDataOf(apk, KEY);
  if (!meta) {
    return finding(ID, 'error', {
      detail: msg('finding.honor-manifest-appid.missing', { key: KEY }),
      evidence: apkEvidence(ctx, absentEvidence(`<meta-data android:name="${KEY}"> in <application>`)),
      remedy: REMEDY,
    });
  }
  const evidence = apkEvidence(ctx, metaDataEvidence(meta));
  const value = meta.resolved;
  if (!value) {
    return finding(ID, 'error', {
      detail: meta.unresolved
        ? msg('finding.honor-manifest-appid.no-value-why', { key: KEY, why: noteMsg(meta.unresolved) })
        : msg('finding.honor-manifest-appid.no-value', { key: KEY }),
      evidence,
      remedy: REMEDY,
    });
  }
  if (value.type === 'int') {
    return finding(ID, 'error', {
      detail: msg('finding.honor-manifest-appid.int', { key: KEY, value: formatValue(value) }),
      evidence,
      remedy: REMEDY,
    });
  }
  if (value.type !== 'string') {
    return finding(ID, 'error', { detail: msg('finding.honor-manifest-appid.not-string', { key: KEY, value: formatValue(value) }), evidence, remedy: REMEDY });
  }
  const placeholder = placeholderReason(value.value);
  if (placeholder) return finding(ID, 'error', { detail: msg('finding.honor-manifest-appid.placeholder', { key: KEY, why: placeholder }), evidence, remedy: REMEDY });
  return finding(ID, 'ok', { detail: msg('finding.honor-manifest-appid.ok', { key: KEY, value: value.value }), evidence });
});
