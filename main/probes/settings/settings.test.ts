import { describe, expect, it } from 'vitest';
import { parseSettingsGet, parseSettingsList } from './settings.js';

describe('settings', () => {
  it('reads settings list lines and a settings get value', () => {
    const r = parseSettingsList('zen_mode=1\nlow_power=0\nwifi_on=1\ncontent_with=a=b\n');
    expect(r.ok && r.value.values.get('zen_mode')?.value).toBe('1');
    expect(r.ok && r.value.values.get('content_with')?.value).toBe('a=b');
    expect(parseSettingsGet('null\n')).toEqual({ ok: true, value: { value: null, line: 'null' } });
    expect(parseSettingsGet('1\r\n')).toEqual({ ok: true, value: { value: '1', line: '1' } });
  });
});
