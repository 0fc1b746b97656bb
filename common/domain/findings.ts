import type { Evidence, RomName } from './facts.js';

/** Ordered from worst to best: reports sort findings by this order (../shared/spec/report.md). */
export const SEVERITIES = ['error', 'warning', 'unknown', 'manual', 'info', 'ok'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** True when `s` is at least as bad as `threshold` (used by `--fail-on`). */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return severityRank(s) <= severityRank(threshold);
}

/**
 * A sentence not yet in a language: a catalog message id and its parameters (common/i18n/messages). Rules emit
 * these; the report stage renders them for the reader's locale (common/i18n/render-finding.ts) and the report
 * JSON keeps them beside the rendered text, so a saved report can be rendered again in another language.
 */
export interface Msg {
  key: string;
  params?: Readonly<Record<string, MsgParam>>;
  /** English to show when this build's catalogs lack `key` (a report from a newer version); never the id. */
  fallback?: string;
}

/**
 * A parameter: a string or number is printed as is (package names, channel ids, versions, proper names,
 * the phone's own words — never translated); a Msg is rendered in the locale; a SettingRef becomes the path
 * of taps the phone's ROM shows for that screen in the locale (common/vendors/rom-labels.ts).
 */
export type MsgParam = string | number | Msg | SettingRef;

/** Screens of common/vendors/rom-labels.ts ROM_SCREENS (kept as a string here so the domain needs no vendor data). */
export interface SettingRef {
  setting: string;
  rom: RomName | null;
  /** Substituted for the app step of a path. */
  app: string | null;
}

export interface FindingMessage {
  title: Msg;
  detail: Msg;
  remedy?: Msg;
}

export interface Finding {
  /** Stable checklist id (../shared/spec/checklist.md), e.g. "dnd-on". */
  id: string;
  severity: Severity;
  title: string;
  /** One sentence on what was seen (or why it could not be read, for `unknown`). */
  detail: string;
  evidence: Evidence[];
  /** Written for a support engineer; empty for `ok`. */
  remedy: string;
  /** The FAQ section this step comes from. */
  faq: string;
  /**
   * The ids and parameters `title`, `detail` and `remedy` were rendered from; those three are in the report's
   * language (Report.lang). Absent in reports written before findings were translatable.
   */
  message?: FindingMessage;
  /** Id of a safe on-phone fix the workstation/CLI can apply (`fix --finding`), when one exists. */
  fixId?: string;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.id.localeCompare(b.id));
}
