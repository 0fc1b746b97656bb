import type { AcceptedPush } from '../push-servers/server.js';
import type { SimPhone } from './android/phone.js';
import type { DeliveryResult, SimPush } from './android/push-delivery.js';

/**
 * The push services' last hop, for the simulated lab: a push a local server (test/push-servers) accepted
 * reaches the simulated phone whose app logged that token — or, for Tencent IM, the phone the IM account is
 * logged in on, through that phone's vendor channel — after `delayMs`, as a real service delivers shortly
 * after it answered the sender.
 */
export interface HubPhone {
  serial: string;
  phone: SimPhone;
}

export interface Delivery {
  serial: string;
  push: SimPush;
  result: DeliveryResult;
  at: number;
}

export interface PushHub {
  onAccepted(push: AcceptedPush): void;
  /** Makes an IM account live on a phone's app (what TIMPush's login binds). */
  bindAccount(account: string, serial: string, pkg: string): void;
  deliveries: Delivery[];
  /** Resolves when every push accepted so far has reached its phone. */
  settled(): Promise<void>;
  /** A push for a token no phone logged (a stale or mistyped token). */
  undelivered: AcceptedPush[];
}

export function createPushHub(phones: readonly HubPhone[], options: { delayMs?: number; now?: () => number } = {}): PushHub {
  const delayMs = options.delayMs ?? 15;
  const now = options.now ?? Date.now;
  const accounts = new Map<string, { serial: string; pkg: string }>();
  const deliveries: Delivery[] = [];
  const undelivered: AcceptedPush[] = [];
  const pending = new Set<Promise<void>>();

  function resolve(push: AcceptedPush): { target: HubPhone; pkg: string; transport: SimPush['transport'] } | null {
    if (push.route === 'tencent-im') {
      const bound = accounts.get(push.token);
      const target = bound && phones.find((p) => p.serial === bound.serial);
      if (!bound || !target) return null;
      const own = [...(target.phone.pushTokens?.().values() ?? [])].find((t) => t.pkg === bound.pkg);
      return own ? { target, pkg: bound.pkg, transport: own.transport } : null;
    }
    for (const target of phones) {
      const hit = target.phone.pushTokens?.().get(push.token);
      // A token belongs to one service: an FCM token sent through Huawei's server goes nowhere.
      if (hit && (hit.transport === push.route || (push.route === 'fcm' && hit.transport === 'fcm'))) return { target, ...hit };
    }
    return null;
  }

  return {
    deliveries,
    undelivered,
    bindAccount(account, serial, pkg) {
      accounts.set(account, { serial, pkg });
    },
    onAccepted(push) {
      const found = resolve(push);
      if (!found || !found.target.phone.deliverPush) {
        undelivered.push(push);
        return;
      }
      const simPush: SimPush = {
        pkg: found.pkg, transport: found.transport, kind: push.kind, priority: push.priority,
        channelId: push.channelId, title: push.title, text: push.body,
      };
      const done = new Promise<void>((ok) => {
        setTimeout(() => {
          const result = found.target.phone.deliverPush!(simPush);
          deliveries.push({ serial: found.target.serial, push: simPush, result, at: now() });
          ok();
        }, delayMs);
      });
      pending.add(done);
      void done.then(() => pending.delete(done));
    },
    async settled() {
      await Promise.all([...pending]);
    },
  };
}
