import { msg } from '../../../common/i18n/msg.js';
import { channelOf, finding, screen, vendorName, type Rule } from './rule.js';

const ID = 'status-bar-icons-hidden';

/** A vendor switch no adb command reads; stock Android (the FCM phones) has no such switch. */
export const statusBarIconsHidden: Rule = (ctx) => {
  if (channelOf(ctx.sheet) === 'fcm') return null;
  return finding(ID, 'manual', {
    detail: msg('finding.status-bar-icons-hidden.manual', { vendor: vendorName(ctx) }),
    remedy: msg('finding.status-bar-icons-hidden.remedy', { path: screen(ctx, 'statusBarIcons') }),
  });
};
