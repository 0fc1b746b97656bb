import { msg } from '../../../common/i18n/msg.js';
import { absentEvidence, apkEvidence, noteMsg, withApk } from './apk-rule.js';
import { finding, type Rule } from './rule.js';

const ID = 'huawei-agconnect-missing';
const FILE = 'assets/agconnect-services.json';
const REMEDY = msg('finding.huawei-agconnect-missing.remedy');

/**
 * HMS Core reads the app id (and checks the package) from assets/agconnect-services.json. Not packaged, or
 * made for another package (a copy from the demo or another flavour), token requests fail.
 */
export const huaweiAgconnectMissing: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const config = apk.agconnect;
  if (!config) {
    return finding(ID, 'error', {
      detail: msg('finding.huawei-agconnect-missing.missing'),
      evidence: apkEvidence(ctx, absentEvidence(FILE, 'APK assets/'), { command: 'APK assets/', excerpt: apk.assets.length ? apk.assets.join(', ') : '(no assets)' }),
      remedy: REMEDY,
    });
  }
  const excerpt = `client.app_id=${config.clientAppId ?? '(none)'} client.package_name=${config.clientPackageName ?? '(none)'}`;
  const evidence = apkEvidence(ctx, { command: FILE, excerpt: config.error ? config.error : excerpt });
  if (config.error) {
    return finding(ID, 'error', { detail: msg('finding.huawei-agconnect-missing.unreadable', { error: noteMsg(config.error) }), evidence, remedy: REMEDY });
  }
  const pkg = apk.manifest.package;
  const filePkg = config.clientPackageName ?? config.appInfoPackageName;
  if (filePkg && pkg && filePkg !== pkg) {
    return finding(ID, 'error', {
      detail: msg('finding.huawei-agconnect-missing.other-package', { file: filePkg, app: pkg }),
      evidence,
      remedy: REMEDY,
    });
  }
  const appId = config.clientAppId ?? config.appInfoAppId;
  if (!appId) {
    return finding(ID, 'error', { detail: msg('finding.huawei-agconnect-missing.no-app-id'), evidence, remedy: REMEDY });
  }
  return finding(ID, 'ok', { detail: msg('finding.huawei-agconnect-missing.ok', { app: filePkg ?? pkg ?? msg('setting.the-app'), appId }), evidence });
});
