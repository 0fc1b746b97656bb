import type { ExportRequest, ExportResult } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

export interface ExportServices {
  /** Writes the last reports main holds for the listed phones where the user chooses in a save dialog. */
  exportReport(request: ExportRequest): Promise<ExportResult>;
}

export function reportHandlers(services: ExportServices): Handlers {
  return { 'report:export': (request) => services.exportReport(request) };
}
