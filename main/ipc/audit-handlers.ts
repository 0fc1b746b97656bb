import type { DeviceReport } from '../../common/domain/report.js';
import type { AuditProgress, AuditRequest } from '../../common/ipc/contract.js';
import { sendEvent } from './events.js';
import { handle, type Ipc } from './handle.js';

export interface AuditServices {
  /** Audits one phone; calls `onProgress` as steps finish so the page can show them. */
  runAudit(request: AuditRequest, onProgress: (progress: AuditProgress) => void): Promise<DeviceReport>;
}

export function registerAuditHandlers(ipc: Ipc, services: AuditServices): void {
  handle(ipc, 'audit:run', (request, { sender }) =>
    services.runAudit(request, (progress) => sendEvent(sender, 'audit:progress', progress)),
  );
}
