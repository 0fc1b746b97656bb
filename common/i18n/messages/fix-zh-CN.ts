import type { CatalogOf } from '../catalog.js';
import type { fixEn } from './fix-en.js';

/** The fix catalog's titles and notes in Simplified Chinese; same keys and placeholders as fix-en.ts. */
export const fixZhCN = {
  'fix.grant-post-notifications.title': '授予通知权限',
  'fix.grant-post-notifications.note': 'Android 13（API 33）起通知是运行时权限；adb shell 拥有 GRANT_RUNTIME_PERMISSIONS，可以直接授予。',
  'fix.set-standby-active.title': '把应用移到“活跃”待机分组',
  'fix.set-standby-active.note': '应用多日不用后系统可能再次降级；长久之计是用户打开一次应用。',
  'fix.deviceidle-whitelist.title': '让应用不受电池优化限制',
  'fix.deviceidle-whitelist.note': '与“设置 → 电池优化 → 不优化”是同一个名单。厂商自己的省电管理另有名单。',
  'fix.allow-background.title': '允许应用在后台运行',
  'fix.allow-background.note': 'RUN_ANY_IN_BACKGROUND 就是“设置 → 电池 → 后台限制”背后的开关（Android 9 起）。',
  'fix.dnd-off.title': '关闭免打扰',
  'fix.dnd-off.note': '使用通知服务自带的 shell 命令（Android 10 起）；直接写 zen_mode 不会生效。',
  'fix.show-on-lockscreen.title': '在锁屏上显示通知',
  'fix.show-on-lockscreen.note': '这是整机开关；单个通知渠道的锁屏显示只能由用户自己修改。',
  'fix.enable-push-service.title': '启用厂商推送服务',
  'fix.enable-push-service.note': '撤销 `pm disable-user`（精简教程常这样做）；被厂商自己停用的包可能拒绝启用。',
  'fix.start-app.title': '启动应用，使其退出“已停止”状态',
  'fix.start-app.note': '启动应用会清除 stopped=true；之后请用户把应用切到后台，而不是从最近任务里划掉。',
  'fix.unhibernate-app.title': '让应用退出休眠',
  'fix.unhibernate-app.note': 'Android 12 起的应用休眠；在应用信息里关闭“移除权限并释放空间”（未使用时暂停应用活动）可避免再次休眠。',
  'fix.open-notification-settings.title': '打开应用的通知设置',
  'fix.open-notification-settings.note': '没有能重新打开应用通知的 shell 命令，需要用户自己打开开关。',
  'fix.open-autostart-settings.title': '打开厂商的自启动管理页面',
  'fix.open-autostart-settings.note': '按顺序尝试厂商的页面；都打不开时退回到应用信息页，离厂商开关只差一步。',
  'fix.open-battery-settings.title': '打开应用的电池设置',
  'fix.open-battery-settings.note': '先尝试厂商的省电管理页面，退而求其次是系统的电池优化名单。',
  'fix.open-data-saver-settings.title': '打开应用的省流量例外设置',
  'fix.open-data-saver-settings.note': '在省流量模式开启时，允许用户让该应用不受数据限制。',
} as const satisfies CatalogOf<typeof fixEn>;
