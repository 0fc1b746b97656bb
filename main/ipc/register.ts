import { appHandlers, type AppServices } from './app-handlers.js';
import { auditHandlers, type AuditServices } from './audit-handlers.js';
import { credentialHandlers, type CredentialServices } from './credential-handlers.js';
import { deviceHandlers, type DeviceServices } from './device-handlers.js';
import type { Handlers } from './dispatch.js';
import { fixHandlers, type FixServices } from './fix-handlers.js';
import { pushHandlers, type PushServices } from './push-handlers.js';
import { reportHandlers, type ExportServices } from './report-handlers.js';
import { settingsHandlers, type SettingsServices } from './settings-handlers.js';
import { shellHandlers, type ShellServices } from './shell-handlers.js';

/** What the app itself provides, phones or not. */
export type AppSideServices = AppServices & SettingsServices & ShellServices & ExportServices & CredentialServices;
/** What the phone services provide: devices, audits, fixes, answers and test pushes over one device port. */
export type PhoneServices = DeviceServices & AuditServices & FixServices & PushServices;
export type Services = AppSideServices & PhoneServices;

/** Every channel's handler; the phone channels only when the phone services are given. */
export function allHandlers(services: AppSideServices, lab?: PhoneServices | null): Handlers {
  return {
    ...appHandlers(services),
    ...settingsHandlers(services),
    ...shellHandlers(services),
    ...reportHandlers(services),
    ...credentialHandlers(services),
    ...(lab ? { ...deviceHandlers(lab), ...auditHandlers(lab), ...fixHandlers(lab), ...pushHandlers(lab) } : {}),
  };
}
