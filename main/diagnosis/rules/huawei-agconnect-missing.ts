import { absentEvidence, apkEvidence, withApk } from './apk-rule.js';
import { finding, type Rule } from './rule.js';

const ID = 'huawei-agconnect-missing';
const FILE = 'assets/agconnect-services.json';
const REMEDY = 'Download agconnect-services.json from AppGallery Connect (Project settings → the app) for this package name, put it in '
  + 'the app module\'s folder with the com.huawei.agconnect Gradle plugin applied (it packages the file into assets/), rebuild and reinstall.';

/**
 * HMS Core reads the app id (and checks the package) from assets/agconnect-services.json. Not packaged, or
 * made for another package (a copy from the demo or another flavour), token requests fail.
 */
export const huaweiAgconnectMissing: Rule = (ctx) => withApk(ctx, ID, (apk) => {
  const config = apk.agconnect;
  if (!config) {
    return finding(ID, 'error', {
      detail: 'agconnect-services.json is not packaged in the APK, so HMS push cannot get a token for the app.',
      evidence: apkEvidence(ctx, absentEvidence(FILE, 'APK assets/'), { command: 'APK assets/', excerpt: apk.assets.length ? apk.assets.join(', ') : '(no assets)' }),
      remedy: REMEDY,
    });
  }
  const excerpt = `client.app_id=${config.clientAppId ?? '(none)'} client.package_name=${config.clientPackageName ?? '(none)'}`;
  const evidence = apkEvidence(ctx, { command: FILE, excerpt: config.error ? config.error : excerpt });
  if (config.error) {
    return finding(ID, 'error', { detail: `agconnect-services.json is packaged but unreadable: ${config.error}.`, evidence, remedy: REMEDY });
  }
  const pkg = apk.manifest.package;
  const filePkg = config.clientPackageName ?? config.appInfoPackageName;
  if (filePkg && pkg && filePkg !== pkg) {
    return finding(ID, 'error', {
      detail: `agconnect-services.json is for ${filePkg}, but the app is ${pkg}: HMS rejects the token request for another package.`,
      evidence,
      remedy: REMEDY,
    });
  }
  const appId = config.clientAppId ?? config.appInfoAppId;
  if (!appId) {
    return finding(ID, 'error', { detail: 'agconnect-services.json has no client.app_id, which HMS push needs.', evidence, remedy: REMEDY });
  }
  return finding(ID, 'ok', { detail: `agconnect-services.json is packaged for ${filePkg ?? pkg ?? 'the app'} (app id ${appId}).`, evidence });
});
