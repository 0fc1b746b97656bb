import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../app/settings-store.js';
import { payloadSchemas } from './schemas.js';

const ref = { server: '127.0.0.1:5037', serial: 'emulator-5554' };
const ok = { ref, app: 'com.example.im', route: 'local', condition: 'background' } as const;

describe('push:send and push:check payloads', () => {
  it('takes what the composer sends', () => {
    expect(payloadSchemas['push:send'].safeParse({ ...ok, title: '测试', desc: 'Hello there', channelId: 'new_message', priority: 'normal', click: true }).success).toBe(true);
    expect(payloadSchemas['push:send'].safeParse({ ...ok, route: 'fcm', condition: 'all', token: 'fJ3k:APA91b_x-y' }).success).toBe(true);
    expect(payloadSchemas['push:check'].safeParse({ ref, app: 'com.example.im', route: 'oppo', channelId: 'im' }).success).toBe(true);
  });

  it.each([
    ['an unknown route', { ...ok, route: 'sms' }],
    ['an unknown condition', { ...ok, condition: 'asleep' }],
    ['a bad package', { ...ok, app: 'com.example.im; reboot' }],
    ['no app', { ref, route: 'local', condition: 'background' }],
    ['a title with control characters', { ...ok, title: 'a\u0007b' }],
    ['an empty desc', { ...ok, desc: '' }],
    ['a channel id with spaces', { ...ok, channelId: 'new message' }],
    ['a token with shell text', { ...ok, token: 'abc$(reboot)' }],
    ['credentials smuggled in', { ...ok, credentials: { private_key: 'x' } }],
    ['a base URL chosen by the page', { ...ok, baseUrl: 'http://evil.example/' }],
    ['a huge timeout', { ...ok, timeoutSeconds: 100_000 }],
  ])('refuses %s', (_what, payload) => {
    expect(payloadSchemas['push:send'].safeParse(payload).success).toBe(false);
  });
});

describe('per-route base URLs in Settings', () => {
  const patch = payloadSchemas['settings:set'];
  it('takes an http(s) URL per known route', () => {
    expect(patch.safeParse({ pushBaseUrls: { fcm: 'http://127.0.0.1:8080', huawei: 'https://proxy.lab/huawei/' } }).success).toBe(true);
    expect(settingsSchema.shape.pushBaseUrls.parse({ vivo: 'https://push.lab:8443/v' })).toEqual({ vivo: 'https://push.lab:8443/v' });
  });
  it.each([
    ['another scheme', { fcm: 'file:///etc/passwd' }],
    ['a password in the URL', { fcm: 'https://user:secret@proxy.lab/' }],
    ['a query', { fcm: 'https://proxy.lab/?key=1' }],
    ['not a URL', { fcm: 'proxy.lab' }],
    ['an unknown route', { sms: 'https://proxy.lab/' }],
    ['the local route (it has no server)', { local: 'https://proxy.lab/' }],
  ])('refuses %s', (_what, pushBaseUrls) => {
    expect(patch.safeParse({ pushBaseUrls }).success).toBe(false);
  });
});
