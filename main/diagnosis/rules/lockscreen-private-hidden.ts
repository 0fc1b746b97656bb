import { msg } from '../../../common/i18n/msg.js';
import { evidenceFor, finding, screen, unknownFinding, type Rule } from './rule.js';

const ID = 'lockscreen-private-hidden';

/** Content hidden on the lock screen does not stop a push; the user just sees "Contents hidden" (info). */
export const lockscreenPrivateHidden: Rule = (ctx) => {
  const showPrivate = ctx.sheet.facts.system.lockScreenShowPrivate;
  if (showPrivate === null) return unknownFinding(ctx, ID, ['system.lockScreenShowPrivate']);
  const evidence = evidenceFor(ctx.sheet, 'system.lockScreenShowPrivate');
  if (showPrivate) return finding(ID, 'ok', { detail: msg('finding.lockscreen-private-hidden.ok'), evidence });
  return finding(ID, 'info', {
    detail: msg('finding.lockscreen-private-hidden.hidden'),
    evidence,
    remedy: msg('finding.lockscreen-private-hidden.remedy', { path: screen(ctx, 'lockScreenNotifications') }),
  });
};
