import type { DeviceFacts } from './facts.js';

type NameParts = Partial<Pick<DeviceFacts, 'manufacturer' | 'brand' | 'model' | 'marketName'>>;

/**
 * What to call a phone: maker, the name it is sold under and its model number, e.g. "Xiaomi Redmi K50 Pro
 * (22011211C)", "HUAWEI nova 8 (ANG-AN00)", "samsung SM-S9210". The engineer recognises the marketing name, the
 * model number is what support tickets and vendor consoles use, so both stay. A maker already at the start of
 * the marketing name ("OPPO Find X3 Pro") is not said twice. Null when nothing is known.
 */
export function phoneName(f: NameParts): string | null {
  const manufacturer = f.manufacturer?.trim() || null;
  const brand = f.brand?.trim() || null;
  const model = f.model?.trim() || null;
  const market = f.marketName?.trim() || null;
  const makers = [manufacturer, brand && brand.toLowerCase() !== manufacturer?.toLowerCase() ? brand : null]
    .filter((x): x is string => x !== null);
  if (!market) return [...makers, model].filter(Boolean).join(' ') || null;
  const said = makers.filter((m) => !market.toLowerCase().startsWith(m.toLowerCase()));
  const name = [...said, market].join(' ');
  return model && model.toLowerCase() !== market.toLowerCase() ? `${name} (${model})` : name;
}
