import type { Msg } from '../../../common/domain/findings.js';
import { listMsg, msg } from '../../../common/i18n/msg.js';
import { VENDORS } from '../../../common/vendors/vendor-table.js';
import { formatValue } from '../../apk/res-value.js';
import { absentEvidence, apkEvidence, metaDataEvidence, metaDataOf, noteMsg, placeholderReason, withApk } from './apk-rule.js';
import { finding, type Rule } from './rule.js';

const ID = 'vivo-manifest-keys';

/**
 * The vivo push SDK reads its app id and key from the application's meta-data (TUIOfflinePush fills them from
 * the Gradle manifestPlaceholders VIVO_APPID / VIVO_APPKEY). Absent or left as a placeholder, registration
 * fails and the phone never gets a regId.
 */
export const vivoManifestKeys: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const problems: Msg[] = [];
  const evidence = apkEvidence(ctx);
  for (const key of VENDORS.vivo.manifestKeys) {
    const meta = metaDataOf(apk, key);
    if (!meta) {
      problems.push(msg('finding.vivo-manifest-keys.missing', { key }));
      evidence.push(absentEvidence(`<meta-data android:name="${key}"> in <application>`));
      continue;
    }
    evidence.push(metaDataEvidence(meta));
    const value = meta.resolved;
    if (!value) {
      problems.push(meta.unresolved
        ? msg('finding.vivo-manifest-keys.no-value-why', { key, why: noteMsg(meta.unresolved) })
        : msg('finding.vivo-manifest-keys.no-value', { key }));
      continue;
    }
    // An int (aapt compiles a numeric app_id to one) is what vivo's SDK expects for app_id; only text can be a placeholder.
    const text = value.type === 'string' ? value.value : value.type === 'int' ? String(value.value) : null;
    if (text === null) {
      problems.push(msg('finding.vivo-manifest-keys.not-id', { key, value: formatValue(value) }));
      continue;
    }
    const placeholder = placeholderReason(text);
    if (placeholder) problems.push(msg('finding.vivo-manifest-keys.placeholder', { key, why: placeholder }));
  }
  const list = listMsg(problems);
  if (list === null) {
    return finding(ID, 'ok', { detail: msg('finding.vivo-manifest-keys.ok', { keys: VENDORS.vivo.manifestKeys.join(', ') }), evidence });
  }
  return finding(ID, 'error', {
    detail: msg('finding.vivo-manifest-keys.error', { problems: list }),
    evidence,
    remedy: msg('finding.vivo-manifest-keys.remedy'),
  });
});
