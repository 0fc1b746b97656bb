import type { CatalogOf } from '../catalog.js';
import type { cliEn } from './cli-en.js';

/** 命令行自身的提示文字（进度行、连接错误）。错误码和服务器地址照原样保留。 */
export const cliZhCN = {
  'cli.audited': '已检查',
  'cli.partly-read': '部分读取（{errors}）',
  'cli.cannot-reach': '无法连接 adb 服务器：{message}',
  'cli.fix': '解决办法：{hint}',
  'cli.no-devices-found': '在 adb 服务器上没有找到设备。',
} as const satisfies CatalogOf<typeof cliEn>;
