import { registerAppHandlers, type AppServices } from './app-handlers.js';
import { registerAuditHandlers, type AuditServices } from './audit-handlers.js';
import { registerDeviceHandlers, type DeviceServices } from './device-handlers.js';
import type { Ipc } from './handle.js';
import { registerSettingsHandlers, type SettingsServices } from './settings-handlers.js';
import { registerShellHandlers, type ShellServices } from './shell-handlers.js';

export type Services = AppServices & DeviceServices & AuditServices & SettingsServices & ShellServices;

export function registerAllHandlers(ipc: Ipc, services: Services): void {
  registerAppHandlers(ipc, services);
  registerDeviceHandlers(ipc, services);
  registerAuditHandlers(ipc, services);
  registerSettingsHandlers(ipc, services);
  registerShellHandlers(ipc, services);
}
