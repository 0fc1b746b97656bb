import { describe, expect, it } from 'vitest';
import type { FactSheet } from '../../../common/domain/facts.js';
import { buildSheet, ev } from '../sheets.test-helper.js';
import { evidenceFor, unknownReason } from './rule.js';

const sheet = (evidence: FactSheet['evidence'], unknown: FactSheet['unknown'] = {}): FactSheet => ({ ...buildSheet(), evidence, unknown });

describe('evidenceFor', () => {
  it('takes a fact\'s own evidence first', () => {
    const s = sheet({ 'app.stopped': [ev('dumpsys package x', 'stopped=true')], app: [ev('pm list packages', 'package:x')] });
    expect(evidenceFor(s, 'app.stopped')).toEqual([ev('dumpsys package x', 'stopped=true')]);
  });

  it('gathers the evidence of the facts under a path', () => {
    const s = sheet({ 'app.channels.tuikit': [ev('dumpsys notification', 'tuikit')], 'app.channels.calls': [ev('dumpsys notification', 'calls')] });
    expect(evidenceFor(s, 'app.channels').map((e) => e.excerpt)).toEqual(['calls', 'tuikit']);
  });

  it('falls back to the fact a path belongs to, and lists each line once', () => {
    const line = ev('dumpsys package x', 'User 0: installed=true stopped=false');
    const s = sheet({ app: [line] });
    expect(evidenceFor(s, 'app.stopped', 'app.installed')).toEqual([line]);
  });
});

describe('unknownReason', () => {
  it('prefers the path\'s own reason, then one under it, then its parent\'s', () => {
    expect(unknownReason(sheet({}, { 'system.zenMode': 'own', system: 'parent' }), 'system.zenMode')).toBe('own');
    expect(unknownReason(sheet({}, { 'gms.installed': 'pm failed' }), 'gms')).toBe('installed: pm failed');
    expect(unknownReason(sheet({}, { system: 'settings list global timed out' }), 'system.zenMode')).toBe('settings list global timed out');
  });

  it('says the fact was not read when nothing was recorded', () => {
    expect(unknownReason(sheet({}), 'app.hibernated')).toBe('app.hibernated was not read from the phone');
  });
});

describe('finding() with plain English (a rule not yet converted)', () => {
  it('still works, keeps the English in every language and marks it untranslated', async () => {
    const { finding } = await import('./rule.js');
    const { localizeFinding } = await import('../../../common/i18n/render-finding.js');
    const f = finding('dnd-on', 'warning', { detail: 'Plain English detail.', remedy: 'Plain English remedy.' });
    expect(f.detail).toBe('Plain English detail.');
    expect(f.message?.detail).toEqual({ key: 'untranslated', params: { text: 'Plain English detail.' } });
    const zh = localizeFinding(f, 'zh-CN');
    expect(zh.title).toBe('免打扰已关闭');
    expect(zh.detail).toBe('Plain English detail.');
    expect(zh.remedy).toBe('Plain English remedy.');
  });
});
