import type { AppInfo } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

export interface AppServices {
  appInfo(): AppInfo | Promise<AppInfo>;
}

export function appHandlers(services: AppServices): Handlers {
  return { 'app:info': () => services.appInfo() };
}
