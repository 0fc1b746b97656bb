import { channelOf, finding, type Rule } from './rule.js';

const ID = 'status-bar-icons-hidden';

/** A vendor switch no adb command reads; stock Android (the FCM phones) has no such switch. */
export const statusBarIconsHidden: Rule = (ctx) => {
  if (channelOf(ctx.sheet) === 'fcm') return null;
  const name = ctx.vendor?.displayName;
  return finding(ID, 'manual', {
    detail: `Whether the status bar shows notification icons is set in the ${name ?? 'vendor'} ROM and cannot be read over adb.`,
    remedy: ctx.vendor?.remedies.statusBarIcons
      ?? 'Check the ROM\'s status-bar settings (Settings → Notifications & status bar) show notification icons.',
  });
};
