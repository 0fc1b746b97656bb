import { describe, expect, it } from 'vitest';
import { gmsUsable, pickPushChannel } from './push-channel.js';

const pick = (brand: string | null, manufacturer: string | null, gmsAvailable: boolean | null = true) =>
  pickPushChannel({ brand, manufacturer, gmsAvailable });

describe('pickPushChannel', () => {
  it('sends Xiaomi and its sub-brands (caught by manufacturer) to Xiaomi push', () => {
    expect(pick('Xiaomi', 'Xiaomi')).toBe('xiaomi');
    expect(pick('Redmi', 'Xiaomi')).toBe('xiaomi');
    expect(pick('POCO', 'Xiaomi')).toBe('xiaomi');
  });

  it('sends a phone branded and made by HONOR to Honor push', () => {
    expect(pick('HONOR', 'HONOR')).toBe('honor');
  });

  it('keeps an old Honor phone (brand HONOR, manufacturer HUAWEI) on Huawei push', () => {
    expect(pick('HONOR', 'HUAWEI')).toBe('huawei');
  });

  it('sends Huawei phones to Huawei push', () => {
    expect(pick('HUAWEI', 'HUAWEI')).toBe('huawei');
    expect(pick('nova', 'HUAWEI')).toBe('huawei');
  });

  it('does not treat manufacturer HONOR alone as Honor or Huawei', () => {
    expect(pick('other', 'HONOR', true)).toBe('fcm');
  });

  it('sends Meizu, including the 22c4185e brand value, to Meizu push', () => {
    expect(pick('meizu', 'Meizu')).toBe('meizu');
    expect(pick('22c4185e', 'unknown')).toBe('meizu');
  });

  it('sends OPPO, realme and OnePlus to OPPO push', () => {
    expect(pick('OPPO', 'OPPO')).toBe('oppo');
    expect(pick('realme', 'realme')).toBe('oppo');
    expect(pick('OnePlus', 'OnePlus')).toBe('oppo');
  });

  it('sends vivo and iQOO to vivo push', () => {
    expect(pick('vivo', 'vivo')).toBe('vivo');
    expect(pick('iQOO', 'vivo')).toBe('vivo');
  });

  it('follows the BrandUtil priority when brand and manufacturer disagree', () => {
    expect(pick('HONOR', 'Xiaomi')).toBe('xiaomi');
    expect(pick('meizu', 'OPPO')).toBe('meizu');
    expect(pick('vivo', 'OPPO')).toBe('oppo');
  });

  it('falls back to FCM only when Google Play services is available', () => {
    expect(pick('google', 'Google', true)).toBe('fcm');
    expect(pick('samsung', 'samsung', false)).toBe('none');
  });

  it('ignores Google Play services on vendor phones', () => {
    expect(pick('Xiaomi', 'Xiaomi', false)).toBe('xiaomi');
    expect(pick('OPPO', 'OPPO', null)).toBe('oppo');
  });

  it('returns null when brand or manufacturer is unknown', () => {
    expect(pick(null, 'Xiaomi')).toBeNull();
    expect(pick('Xiaomi', null)).toBeNull();
  });

  it('returns null for a non-vendor phone whose Google Play services state is unknown', () => {
    expect(pick('samsung', 'samsung', null)).toBeNull();
  });
});

describe('gmsUsable', () => {
  it('is true only when Google Play services is installed and enabled', () => {
    expect(gmsUsable({ installed: true, enabled: true, versionName: '24.45.33' })).toBe(true);
    expect(gmsUsable({ installed: true, enabled: false, versionName: null })).toBe(false);
    expect(gmsUsable({ installed: false, enabled: null, versionName: null })).toBe(false);
  });

  it('is null while installation or enabled state is unknown', () => {
    expect(gmsUsable(null)).toBeNull();
    expect(gmsUsable({ installed: null, enabled: null, versionName: null })).toBeNull();
    expect(gmsUsable({ installed: true, enabled: null, versionName: null })).toBeNull();
  });
});
