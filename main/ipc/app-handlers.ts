import type { AppInfo } from '../../common/ipc/contract.js';
import { handle, type Ipc } from './handle.js';

export interface AppServices {
  appInfo(): AppInfo | Promise<AppInfo>;
}

export function registerAppHandlers(ipc: Ipc, services: AppServices): void {
  handle(ipc, 'app:info', () => services.appInfo());
}
