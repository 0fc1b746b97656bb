import { beforeEach, describe, expect, it } from 'vitest';
import { useAuditStore } from './audit-store.js';

describe('audit store', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the app under test across restarts, but not the audits', () => {
    useAuditStore.getState().setAppPackage('com.example.im');
    useAuditStore.getState().started('R58M1');
    const saved = JSON.parse(localStorage.getItem('push-doctor:audit') ?? '{}') as { state?: Record<string, unknown> };
    expect(saved.state).toEqual({ appPackage: 'com.example.im' });
  });
});
