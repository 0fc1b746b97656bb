import type { DeviceReport } from '../../common/domain/report.js';
import type { AuditProgress, AuditRequest } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

export interface AuditServices {
  /** Audits one phone; calls `onProgress` as steps finish so the page can show them. */
  runAudit(request: AuditRequest, onProgress: (progress: AuditProgress) => void): Promise<DeviceReport>;
}

export function auditHandlers(services: AuditServices): Handlers {
  // Progress goes to the page that asked for the audit, not to every window.
  return { 'audit:run': (request, { emit }) => services.runAudit(request, (progress) => emit('audit:progress', progress)) };
}
