import { describe, expect, it } from 'vitest';
import { androidVersion, detectRom, marketName, oneUiVersion, productProp } from './device-props.js';
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

describe('marketing name on real phones', () => {
  // Every genuine capture: the ones that print a marketing-name property, and those that print none (→ null).
  const cases: [string, string | null, string | null][] = [
    ['xiaomi-redmi-k50pro-hyperos2-a14', 'Redmi K50 Pro', 'ro.product.marketname'],
    ['xiaomi-redmi-note12-miui13-a12', 'Redmi Note 12 5G', 'ro.product.marketname'],
    ['huawei-nova8-harmonyos4.2-a12', 'nova 8', 'ro.config.marketing_name'],
    ['honor-magic6pro-magicos9-a15', '荣耀Magic6 Pro', 'ro.config.marketing_name'],
    ['oppo-a5s-coloros5.2-a8.1', 'OPPO A5s', 'ro.oppo.market.name'],
    ['oppo-findx3pro-coloros14-a14', 'OPPO Find X3 Pro', 'ro.vendor.oplus.market.name'],
    ['vivo-iqooz6-originos4-a14', 'iQOO Z6', 'ro.vivo.market.name'],
    ['honor-20pro-harmonyos4-a10', null, null],
    ['oneplus-10pro-oxygenos14-a14', null, null],
    ['samsung-s24-oneui6.1-a14', null, null],
    ['meizu-21pro-flyme11-a14', null, null],
    ['google-pixel8pro-a16', null, null],
    ['google-pixel4xl-lineageos22.2-a15', null, null],
  ];
  for (const [phone, name, prop] of cases) {
    it(`${phone}: ${name ?? 'none'}`, () => {
      const text = realPhone(phone, 'getprop.txt');
      expect(text).not.toBeNull();
      const m = marketName(props(text ?? ''));
      expect(m?.value ?? null).toBe(name);
      expect(m?.name ?? null).toBe(prop);
      if (m) expect(m.line).toBe(`[${prop}]: [${name}]`);
    });
  }

  it('reads the POCO capture\'s ro.product.marketname', () => {
    expect(marketName(props(fixture('getprop', 'xiaomi-poco-x5pro-miui14-a12.txt')))?.value).toBe('POCO X5 Pro 5G');
  });

  it('skips a blank property for the next one and gives null when all are blank', () => {
    expect(marketName(props('[ro.product.marketname]: [  ]\n[ro.vivo.market.name]: [iQOO Z6]\n'))?.name).toBe('ro.vivo.market.name');
    expect(marketName(props('[ro.product.marketname]: []\n[ro.product.model]: [V2220A]\n'))).toBeNull();
  });
});
