import type { CredentialSetRequest, CredentialStatus } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

/** Credentials for push routes: the page hands a secret in and only ever gets statuses back. */
export interface CredentialServices {
  listCredentials(): Promise<CredentialStatus[]>;
  setCredential(request: CredentialSetRequest): Promise<CredentialStatus[]>;
  clearCredential(route: string): Promise<CredentialStatus[]>;
}

export function credentialHandlers(services: CredentialServices): Handlers {
  return {
    'credentials:list': () => services.listCredentials(),
    'credentials:set': (request) => services.setCredential(request),
    'credentials:clear': ({ route }) => services.clearCredential(route),
  };
}
