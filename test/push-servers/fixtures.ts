import { expect } from 'vitest';
import type { TestPushMessage } from '../../main/push/types.js';

/** A test-push message with every field set to something a test can assert on. */
export function message(overrides: Partial<TestPushMessage> = {}): TestPushMessage {
  return {
    title: 'Push Doctor test',
    body: 'Offline push test 12:00:01',
    delivery: 'notification',
    priority: 'high',
    ttlSeconds: 3600,
    channelId: 'im_messages',
    category: 'IM',
    sound: null,
    ext: '{"entity":{"page":"chat","id":"42"}}',
    data: { k1: 'v1' },
    testMode: true,
    ...overrides,
  };
}

/** Fails when any string reachable from `value` contains one of the secrets (or its URL-encoded form). */
export function expectNoSecrets(value: unknown, secrets: readonly string[]): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const s of secrets) {
    expect(text, 'a secret leaked').not.toContain(s);
    expect(text, 'a secret leaked (URL-encoded)').not.toContain(encodeURIComponent(s));
  }
}
