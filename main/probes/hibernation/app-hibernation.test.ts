import { describe, expect, it } from 'vitest';
import { parseAppHibernation } from './app-hibernation.js';

describe('one-line outputs', () => {
  it('reads hibernation state and a phone without the service', () => {
    expect(parseAppHibernation('true\n')).toMatchObject({ ok: true, value: { value: true } });
    expect(parseAppHibernation("cmd: Can't find service: app_hibernation").ok).toBe(false);
  });
});
