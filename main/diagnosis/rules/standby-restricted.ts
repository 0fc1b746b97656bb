import { evidenceFor, finding, unknownFinding, withApp, type Rule } from './rule.js';

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
  const bucket = app.standbyBucket;
  if (bucket === null) return unknownFinding(ctx, ID, ['app.standbyBucket']);
  const evidence = evidenceFor(ctx.sheet, 'app.standbyBucket');
  const name = `${BUCKETS[bucket] ?? 'unknown bucket'} (${bucket})`;
  const remedy = 'Open the app and use it; the system then moves it to a more active bucket. On Android 12+ also set '
    + 'Settings → Apps → the app → Battery to "Unrestricted".';
  if (bucket >= RESTRICTED) {
    return finding(ID, 'error', {
      detail: `${ctx.app} is in standby bucket ${name}: the system barely lets it run in background.`,
      evidence, remedy, fixId: 'set-standby-active',
    });
  }
  if (bucket >= RARE) {
    return finding(ID, 'warning', {
      detail: `${ctx.app} is in standby bucket ${name}: its background work and high-priority push quota are rationed.`,
      evidence, remedy, fixId: 'set-standby-active',
    });
  }
  return finding(ID, 'ok', { detail: `${ctx.app} is in standby bucket ${name}.`, evidence });
});
