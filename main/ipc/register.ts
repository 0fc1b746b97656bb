import { appHandlers, type AppServices } from './app-handlers.js';
import { auditHandlers, type AuditServices } from './audit-handlers.js';
import { deviceHandlers, type DeviceServices } from './device-handlers.js';
import type { Handlers } from './dispatch.js';
import { settingsHandlers, type SettingsServices } from './settings-handlers.js';
import { shellHandlers, type ShellServices } from './shell-handlers.js';

export type Services = AppServices & DeviceServices & AuditServices & SettingsServices & ShellServices;

/** Every channel's handler; the phone channels only when the phone services are given. */
export function allHandlers(services: AppServices & SettingsServices & ShellServices, lab?: DeviceServices & AuditServices | null): Handlers {
  return {
    ...appHandlers(services),
    ...settingsHandlers(services),
    ...shellHandlers(services),
    ...(lab ? { ...deviceHandlers(lab), ...auditHandlers(lab) } : {}),
  };
}
