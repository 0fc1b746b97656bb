import { msg } from '../../../common/i18n/msg.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, withApp, type Rule } from './rule.js';

const ID = 'standby-restricted';
/** UsageStatsManager.STANDBY_BUCKET_* values as `am get-standby-bucket` prints them. */
const BUCKETS: Record<number, string> = {
  5: 'EXEMPTED', 10: 'ACTIVE', 20: 'WORKING_SET', 30: 'FREQUENT', 40: 'RARE', 45: 'RESTRICTED', 50: 'NEVER',
};
const RARE = 40;
const RESTRICTED = 45;

/**
 * RESTRICTED (45) and NEVER (50) cut jobs, alarms and FCM high-priority quota to almost nothing: error.
 * RARE (40) rations them: warning. Anything more active is fine.
 */
export const standbyRestricted: Rule = (ctx) => withApp(ctx, ID, (app) => {
  const value = app.standbyBucket;
  if (value === null) return unknownFinding(ctx, ID, ['app.standbyBucket']);
  const evidence = evidenceFor(ctx.sheet, 'app.standbyBucket');
  // The bucket's constant name is Android's own word, printed as is; `value` is not a count, so no digit grouping.
  const p = { app: appParam(ctx), bucket: BUCKETS[value] ?? msg('finding.standby-restricted.unknown-bucket'), value: String(value) };
  const remedy = msg('finding.standby-restricted.remedy', { path: screen(ctx, 'backgroundRunning') });
  if (value >= RESTRICTED) {
    return finding(ID, 'error', { detail: msg('finding.standby-restricted.restricted', p), evidence, remedy, fixId: 'set-standby-active' });
  }
  if (value >= RARE) {
    return finding(ID, 'warning', { detail: msg('finding.standby-restricted.rare', p), evidence, remedy, fixId: 'set-standby-active' });
  }
  return finding(ID, 'ok', { detail: msg('finding.standby-restricted.ok', p), evidence });
});
