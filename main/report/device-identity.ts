import type { DeviceReport } from '../../common/domain/report.js';
import type { Locale } from '../../common/i18n/locale.js';
import { translator } from '../../common/i18n/messages.js';
import { renderMsg } from '../../common/i18n/render-finding.js';
import { phoneName } from '../../common/domain/phone-name.js';
import { vendorOf } from '../../common/vendors/vendor-table.js';

/** "Xiaomi Redmi K50 Pro (22011211C) · Android 12 (API 31) · MIUI V14.0.4.0 · push: Xiaomi" — what the phone is, in one line. */
export function identityLine(d: DeviceReport, locale: Locale = 'en'): string {
  const t = translator(locale);
  const f = d.facts;
  const maker = phoneName(f) ?? t('report.unknown-phone');
  const parts = [maker];
  if (f.android) parts.push(`Android ${f.android.release} (API ${f.android.sdk})`);
  if (f.rom && f.rom.name !== 'Android') parts.push(romLabel(f.rom.name, f.rom.version));
  if (f.pushChannel) {
    const v = vendorOf(f.pushChannel);
    const vendor = f.pushChannel === 'none' ? t('report.push-none') : v ? renderMsg(locale, { key: `vendor.${v.vendor}.name`, fallback: v.displayName }) : f.pushChannel;
    parts.push(t('report.push-channel', { vendor }));
  }
  return parts.join(' · ');
}

export function countBySeverity(d: DeviceReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of d.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  return counts;
}

/** Some ROMs put their own name in the version ("MagicOS_8.0.0"); say it once. */
function romLabel(name: string, version: string | null): string {
  if (!version) return name;
  return version.toLowerCase().startsWith(name.toLowerCase()) ? version : `${name} ${version}`;
}
