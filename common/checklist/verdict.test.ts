import { describe, expect, it } from 'vitest';
import type { Finding } from '../domain/findings.js';
import { verdictOf } from './verdict.js';

function f(id: string, severity: Finding['severity'], detail = `${id} seen.`, remedy = `fix ${id}`): Finding {
  return { id, severity, title: id, detail, remedy, evidence: [], faq: '' };
}

describe('verdictOf', () => {
  it('names a denied POST_NOTIFICATIONS first and the blocked-app line as its consequence', () => {
    const v = verdictOf([f('app-notifications-blocked', 'error'), f('post-notifications-denied', 'error'), f('dnd-on', 'warning')]);
    expect(v.findingId).toBe('post-notifications-denied');
    expect(v.severity).toBe('error');
    expect(v.headline).toBe('Push cannot show on this phone: post-notifications-denied seen.');
    expect(v.firstStep).toBe('fix post-notifications-denied');
    expect(v.explains).toEqual(['app-notifications-blocked']);
  });

  it('puts an error before a warning even when the warning comes first', () => {
    const v = verdictOf([f('dnd-on', 'warning'), f('standby-restricted', 'error')]);
    expect(v.findingId).toBe('standby-restricted');
  });

  it('says push may be delayed when only warnings fail', () => {
    const v = verdictOf([f('dnd-on', 'warning', 'Do Not Disturb is on.'), f('battery-saver-on', 'info')]);
    expect(v).toMatchObject({ severity: 'warning', findingId: 'dnd-on', headline: 'Push may be delayed or silenced on this phone: Do Not Disturb is on.' });
  });

  it('says nothing blocks, and how many checks could not be read', () => {
    expect(verdictOf([f('dnd-on', 'ok'), f('app-hibernated', 'unknown')]).headline).toContain('1 check could not be read');
    expect(verdictOf([f('dnd-on', 'ok')])).toMatchObject({ severity: 'ok', findingId: null, headline: 'Nothing on this phone blocks offline push.' });
  });

  it('says an unauthorized phone could not be read, whatever its findings', () => {
    const v = verdictOf([], 'unauthorized');
    expect(v.severity).toBe('unknown');
    expect(v.headline).toContain('USB debugging');
  });

  it('keeps what a lost phone did show', () => {
    expect(verdictOf([f('dnd-on', 'warning')], 'gone').findingId).toBe('dnd-on');
    expect(verdictOf([], 'gone').headline).toContain('lost');
  });
});
