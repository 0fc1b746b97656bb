import type { Handlers } from './dispatch.js';

export interface ShellServices {
  /** Opens an https link in the user's browser; the schema has already checked it is allow-listed. */
  openExternal(url: string): Promise<void>;
}

export function shellHandlers(services: ShellServices): Handlers {
  return { 'shell:open-external': (url) => services.openExternal(url) };
}
