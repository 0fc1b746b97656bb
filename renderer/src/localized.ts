import { useMemo } from 'react';
import type { DeviceReport } from '../../common/domain/report.js';
import { localizeFinding, renderMsg } from '../../common/i18n/render-finding.js';
import type { Locale } from '../../common/i18n/locale.js';
import { useLocale } from './stores/prefs-store.js';

/**
 * The report's findings in the page's language: main sends each finding with the message ids it was rendered
 * from, so switching the language re-renders them here without another audit.
 */
export function useLocalizedReport(report: DeviceReport | null): DeviceReport | null {
  const locale = useLocale();
  return useMemo(() => (report ? localizeReport(report, locale) : null), [report, locale]);
}

export function localizeReport(report: DeviceReport, locale: Locale): DeviceReport {
  return { ...report, findings: report.findings.map((f) => localizeFinding(f, locale)) };
}

/** A checklist step's title in a language, for steps the audit did not answer. */
export function checkTitle(locale: Locale, id: string, fallback: string): string {
  return renderMsg(locale, { key: `check.${id}.title`, fallback });
}
