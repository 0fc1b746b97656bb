import type { Handlers } from './dispatch.js';
import type { PushServices } from '../services/push-service.js';

export type { PushServices };

export function pushHandlers(services: PushServices): Handlers {
  return {
    'push:check': (request) => services.checkPush(request),
    // The timeline goes to the page that sent the push, as an audit's progress does.
    'push:send': (request, { emit }) => services.sendPush(request, (progress) => emit('push:progress', progress)),
  };
}
