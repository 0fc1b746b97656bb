import { handle, type Ipc } from './handle.js';

export interface ShellServices {
  /** Opens an https link in the user's browser; the schema has already checked it is allow-listed. */
  openExternal(url: string): Promise<void>;
}

export function registerShellHandlers(ipc: Ipc, services: ShellServices): void {
  handle(ipc, 'shell:open-external', (url) => services.openExternal(url));
}
