import { describeRef, findByRef, toRef, type DeviceRef } from '../../common/domain/device.js';
import type { Vendor } from '../../common/domain/facts.js';
import type { Finding } from '../../common/domain/findings.js';
import type { PushMessageFields, PushProgress, PushSendRequest, PushSendResult, Settings } from '../../common/ipc/contract.js';
import type { RouteId } from '../../common/push/route-ids.js';
import { notFoundError, stateError } from '../adb/adb-errors.js';
import type { DevicePort } from '../adb/device-port.js';
import { IpcFailure } from '../ipc/dispatch.js';
import { composeChecks, type ComposeFacts } from '../push/compose-checks.js';
import { CONDITIONS, type Condition } from '../push/conditions.js';
import { describeIssues } from '../push/credentials.js';
import { LOCAL_POSTER, sendLocal } from '../push/local-route.js';
import type { ProxiedFetch } from '../push/proxy.js';
import { ROUTES, sendByRoute } from '../push/routes/index.js';
import { tokenFromLog, uniquePushText } from '../push/push-token.js';
import { mergeAcrossConditions } from '../push/test-push-findings.js';
import { runPushTest, type PushTestOutcome } from '../push/test-push-run.js';
import type { FetchLike, TestPushMessage } from '../push/types.js';
import type { AuditSessions } from './audit-sessions.js';

/**
 * The workstation's test push (`push:send`), the same closed loop as the CLI's `push`: the route's
 * credentials come from main's credential store and its base URL from Settings — the page only names the
 * route. Every result is already scrubbed of the run's secrets by sendTestPush; the run joins the phone's
 * session so an export carries `pushTests` and the test-push findings.
 */
export interface PushServices {
  checkPush(request: PushMessageFields): Promise<Finding[]>;
  sendPush(request: PushSendRequest, onProgress: (progress: PushProgress) => void): Promise<PushSendResult>;
}

export interface PushServiceOptions {
  port: DevicePort;
  sessions: AuditSessions;
  /** The credential JSON of a route (main/app/credential-store.ts), null when none is set. */
  secretFor(route: RouteId): Promise<unknown>;
  settings(): Promise<Pick<Settings, 'pushBaseUrls'>>;
  /** The transport for the routes' HTTP (the system proxy in the app); the global fetch when absent. */
  fetch?: () => ProxiedFetch | { fetch: FetchLike; close(): Promise<void> };
  now?: () => number;
}

const DEFAULT_TITLE = 'Push Doctor test';

function messageOf(r: PushMessageFields, text: string): TestPushMessage {
  const delivery = r.data ? 'data' : 'notification';
  return {
    title: r.title ?? DEFAULT_TITLE, body: text, delivery, priority: r.priority ?? 'high', ttlSeconds: 3600,
    channelId: r.channelId ?? null, category: 'IM', sound: null, ext: null, data: {}, testMode: true,
    tencent: {
      element: 'text',
      // The phone's vendor reads its own channel field (push-apis §1.5), as the CLI sends it.
      ...(r.channelId ? { androidInfo: { XiaoMiChannelID: r.channelId, HuaWeiChannelID: r.channelId, OPPOChannelID: r.channelId, GoogleChannelID: r.channelId } } : {}),
    },
  };
}

export function createPushService(o: PushServiceOptions): PushServices {
  const now = o.now ?? Date.now;

  async function readyRef(ref: DeviceRef): Promise<DeviceRef> {
    const device = findByRef(await o.port.listDevices(), ref);
    if (!device) throw notFoundError(describeRef(ref));
    if (device.state !== 'device') throw stateError(device.serial, device.state);
    return toRef(device);
  }

  function composeFacts(ref: DeviceRef, app: string): ComposeFacts {
    const report = o.sessions.get(ref, app)?.report ?? null;
    const facts = report?.state === 'device' ? report.facts : null;
    return { channel: facts?.pushChannel ?? null, androidSdk: facts?.android?.sdk ?? null, appChannels: facts?.app?.channels ?? null };
  }

  async function credentialsFor(route: RouteId): Promise<unknown> {
    const secret = await o.secretFor(route);
    if (secret === null || secret === undefined) {
      throw new IpcFailure('INVALID_INPUT', `No ${route} credentials are set.`, `Add the ${route} credentials in Settings → Push credentials, then send again.`);
    }
    const parsed = ROUTES[route].credentialsSchema.safeParse(secret);
    // The store checked them when they were set; a stored file edited since is named by field only.
    if (!parsed.success) throw new IpcFailure('INVALID_INPUT', `The stored ${route} credentials are incomplete: ${describeIssues(secret, parsed.error.issues)}.`);
    return parsed.data;
  }

  return {
    async checkPush(request) {
      if (request.route === 'local') return [];
      return composeChecks(request.route, messageOf(request, request.desc ?? uniquePushText(now())), composeFacts(request.ref, request.app));
    },

    async sendPush(request, onProgress) {
      const ref = await readyRef(request.ref);
      const conditions: (Condition | null)[] = request.condition === 'all' ? [...CONDITIONS] : [request.condition];
      const notes: string[] = [];
      const total = conditions.length;
      const base = {
        port: o.port, ref, app: request.app, watch: true, timeoutMs: (request.timeoutSeconds ?? 30) * 1000,
        priority: request.priority ?? 'high', delivery: request.data ? ('data' as const) : ('notification' as const),
        channelId: request.channelId ?? null, now,
        ...(request.click ? { click: { expected: null } } : {}),
      };
      const progress = (condition: Condition | null, index: number) => (s: { stage: PushProgress['stage']; ok: boolean; at: number; reason: string | null }) =>
        onProgress({ ref: request.ref, route: request.route, condition, index, total, stage: s.stage, ok: s.ok, at: new Date(s.at).toISOString(), reason: s.reason });
      const outcomes: PushTestOutcome[] = [];
      const title = request.title ?? DEFAULT_TITLE;

      if (request.route === 'local') {
        for (const [index, condition] of conditions.entries()) {
          const text = request.desc ?? uniquePushText(now());
          outcomes.push(await runPushTest({
            ...base, poster: LOCAL_POSTER, route: 'local', condition, title, text, overFcm: false,
            send: () => sendLocal(o.port, ref, title, text, now), onStage: progress(condition, index),
          }));
        }
      } else {
        const route = request.route;
        const credentials = await credentialsFor(route);
        let target = request.token ?? null;
        const logged = route === 'tencent-im' || !target ? await tokenFromLog(o.port, ref, request.app) : null;
        let vendor: Vendor | null = route === 'tencent-im' ? logged?.vendor ?? null : route;
        if (!target) {
          if (route === 'tencent-im') throw new IpcFailure('INVALID_INPUT', 'Tencent IM needs the IM account (UserID) logged in on the phone.', 'Type the account in the token field.');
          if (!logged) {
            throw new IpcFailure('NOT_FOUND', `No push token for ${request.app} in the phone's log.`, 'Start the app once so its push SDK logs the token, or paste the token.');
          }
          target = logged.token;
          vendor = logged.vendor ?? vendor;
          // Only the start and length: the token is an address for pushes to this phone.
          notes.push(`Used the ${logged.vendor ?? route} token the app logged (${target.slice(0, 6)}…, ${target.length} characters).`);
        }
        const baseUrl = (await o.settings()).pushBaseUrls[route];
        const transport = o.fetch?.() ?? null;
        try {
          for (const [index, condition] of conditions.entries()) {
            const text = request.desc ?? uniquePushText(now());
            const message = messageOf(request, text);
            const t = target;
            outcomes.push(await runPushTest({
              ...base, poster: request.app, route, condition, title, text, overFcm: route === 'fcm' || vendor === 'fcm',
              send: () => sendByRoute(route, {
                credentials: credentials as never, target: t, message, now,
                ...(transport ? { fetch: transport.fetch } : {}), ...(baseUrl ? { baseUrl } : {}),
              }),
              onStage: progress(condition, index),
            }));
          }
        } finally {
          await transport?.close();
        }
      }
      for (const x of outcomes) notes.push(...x.push.notes.filter((n) => !notes.includes(n)));
      const findings = outcomes.length === 1 ? outcomes[0]!.findings : mergeAcrossConditions(outcomes.map((x) => x.findings));
      const pushTests = outcomes.map((x) => x.result);
      o.sessions.addPushTests(ref, request.app, pushTests, findings);
      return { route: request.route, pushTests, findings, notes };
    },
  };
}
