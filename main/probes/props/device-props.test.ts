import { describe, expect, it } from 'vitest';
import { androidVersion, detectRom, oneUiVersion, productProp } from './device-props.js';
import { fixture, realPhone } from '../fixtures.test-helper.js';
import { parseGetprop } from './getprop.js';

function props(text: string) {
  const r = parseGetprop(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value.props;
}

function romOf(text: string) {
  const p = props(text);
  return detectRom(p, productProp(p, 'brand')?.value ?? null, productProp(p, 'manufacturer')?.value ?? null).rom;
}

describe('ROM and version detection on real phones', () => {
  const cases: [string, string, string | null][] = [
    ['xiaomi-redmi-k50pro-hyperos2-a14', 'HyperOS', 'OS2.0.6.0.ULKCNXM'],
    ['xiaomi-redmi-note12-miui13-a12', 'MIUI', 'V130'],
    ['honor-magic6pro-magicos9-a15', 'MagicOS', 'MagicOS_9.0.0'],
    ['huawei-nova8-harmonyos4.2-a12', 'HarmonyOS', null],
    ['honor-20pro-harmonyos4-a10', 'HarmonyOS', null],
    ['oppo-findx3pro-coloros14-a14', 'ColorOS', 'V14.0.0'],
    ['oneplus-10pro-oxygenos14-a14', 'OxygenOS', null],
    ['samsung-s24-oneui6.1-a14', 'One UI', '6.1.1'],
    ['vivo-iqooz6-originos4-a14', 'OriginOS', '4'],
  ];
  for (const [phone, name, version] of cases) {
    it(`names ${phone} ${name}`, () => {
      const text = realPhone(phone, 'getprop.txt');
      if (text === null) return;
      expect(romOf(text)).toEqual({ name, version });
    });
  }

  it('reads MIUI 14 from the POCO capture and keeps POCO as the brand', () => {
    const text = fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt');
    expect(romOf(text)).toEqual({ name: 'MIUI', version: 'V140' });
    expect(productProp(props(text), 'brand')?.value).toBe('POCO');
    expect(androidVersion(props(text))?.version).toEqual({ release: '12', sdk: 31 });
  });

  it('takes the Android version from the system image when ro.build.version.* is absent, never the vendor image', () => {
    const text = realPhone('oneplus-10pro-oxygenos14-a14', 'getprop.txt');
    if (text === null) return;
    expect(androidVersion(props(text))?.version).toEqual({ release: '14', sdk: 34 });
  });

  it('decodes One UI version numbers', () => {
    expect(oneUiVersion('60101')).toBe('6.1.1');
    expect(oneUiVersion('80000')).toBe('8.0');
    expect(oneUiVersion('garbage')).toBeNull();
  });
});
