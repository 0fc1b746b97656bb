import type { AppFacts, Evidence, FactPath, FactSheet, PushChannel } from '../../../common/domain/facts.js';
import type { Finding, FindingMessage, Msg, SettingRef, Severity } from '../../../common/domain/findings.js';
import { checklistEntry } from '../../../common/checklist/checklist.js';
import { localizeFinding } from '../../../common/i18n/render-finding.js';
import { msg, setting } from '../../../common/i18n/msg.js';
import { reasonMsg } from './reason-messages.js';
import type { RomScreen } from '../../../common/vendors/rom-labels.js';
import type { VendorEntry } from '../../../common/vendors/vendor-table.js';

export interface RuleContext {
  sheet: FactSheet;
  vendor: VendorEntry | null;
  /** Package of the app under test, when one was named. */
  app: string | null;
}

/** One checklist step: a finding for this phone, or null when the step does not apply to it. */
export type Rule = (ctx: RuleContext) => Finding | null;

/**
 * Evidence for the facts a rule used: each path's own evidence, else that of facts under it
 * ("app.channels" → "app.channels.tuikit"), else that of the fact it belongs to ("app.stopped" → "app"),
 * since probes key evidence at whatever grain the command gave them.
 */
export function evidenceFor(sheet: FactSheet, ...paths: FactPath[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  const add = (items: readonly Evidence[] | undefined): void => {
    for (const e of items ?? []) {
      const key = `${e.command}\u0000${e.excerpt}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(e);
      }
    }
  };
  for (const path of paths) {
    const own = sheet.evidence[path];
    if (own && own.length > 0) {
      add(own);
      continue;
    }
    const children = Object.keys(sheet.evidence).filter((k) => k.startsWith(`${path}.`)).sort();
    if (children.length > 0) {
      for (const k of children) add(sheet.evidence[k]);
      continue;
    }
    for (const parent of ancestors(path)) {
      const items = sheet.evidence[parent];
      if (items && items.length > 0) {
        add(items);
        break;
      }
    }
  }
  return out;
}

/**
 * Why a fact is null: its own reason, else one recorded for the facts under it
 * ("pushServices.<package>" → "….installed"), else the reason for the fact it belongs to.
 */
export function unknownReason(sheet: FactSheet, ...paths: FactPath[]): string {
  for (const path of paths) {
    const own = sheet.unknown[path];
    if (own) return own;
    const child = Object.keys(sheet.unknown).sort().find((k) => k.startsWith(`${path}.`));
    if (child) return `${child.slice(path.length + 1)}: ${sheet.unknown[child]}`;
    for (const p of ancestors(path)) {
      const reason = sheet.unknown[p];
      if (reason) return reason;
    }
  }
  return `${paths.join(', ')} was not read from the phone`;
}

function ancestors(path: FactPath): FactPath[] {
  const parts = path.split('.');
  const out: FactPath[] = [];
  for (let i = parts.length - 1; i > 0; i--) out.push(parts.slice(0, i).join('.'));
  return out;
}

export interface FindingParts {
  /**
   * A catalog message (`msg('finding.<id>.<case>', {...})`). A plain string is the fallback for a rule not yet
   * converted: it is kept as English in every language (message key `untranslated`) — convert it.
   */
  detail: Msg | string;
  evidence?: Evidence[];
  remedy?: Msg | string;
  fixId?: string;
}

/** UNTRANSLATED: English from a rule that has not moved to the catalog yet; rendered as is in every locale. */
function untranslated(text: string): Msg {
  return msg('untranslated', { text });
}

const asMsg = (m: Msg | string): Msg => (typeof m === 'string' ? untranslated(m) : m);

/** The title message of a checklist step: `check.<id>.title`, its checklist wording when a catalog lacks it. */
export function titleMsg(id: string): Msg {
  return { key: `check.${id}.title`, fallback: checklistEntry(id).title };
}

/**
 * A finding for checklist step `id`; title and FAQ reference come from the checklist catalog. Rules give
 * messages, not sentences: the texts here are English, and the report stage renders them again for the
 * reader's locale (common/i18n/render-finding.ts).
 */
export function finding(id: string, severity: Severity, parts: FindingParts): Finding {
  const entry = checklistEntry(id);
  const message: FindingMessage = { title: titleMsg(id), detail: asMsg(parts.detail) };
  if (parts.remedy !== undefined && severity !== 'ok') message.remedy = asMsg(parts.remedy);
  const f: Finding = {
    id,
    severity,
    title: entry.title,
    detail: '',
    evidence: parts.evidence ?? [],
    remedy: '',
    faq: entry.faq,
    message,
  };
  if (parts.fixId && severity !== 'ok') f.fixId = parts.fixId;
  return localizeFinding(f, 'en');
}

/** The `unknown` finding for a step whose facts are null, carrying the recorded reason. */
export function unknownFinding(ctx: RuleContext, id: string, paths: FactPath[], remedy?: Msg | string): Finding {
  return finding(id, 'unknown', {
    detail: msg('finding.unknown.detail', { reason: reasonMsg(unknownReason(ctx.sheet, ...paths)) }),
    evidence: evidenceFor(ctx.sheet, ...paths),
    remedy: remedy ?? msg('finding.unknown.remedy'),
  });
}

/**
 * Runs an app-dependent step. Not applicable (null) when no app is under test or it is not installed —
 * `app-not-installed` reports that once instead of every app step piling up errors; unknown when the
 * app's facts could not be read at all.
 */
export function withApp(ctx: RuleContext, id: string, body: (app: AppFacts) => Finding | null): Finding | null {
  if (ctx.app === null) return null;
  const app = ctx.sheet.facts.app;
  if (app === null) return unknownFinding(ctx, id, ['app']);
  if (app.installed === false) return null;
  return body(app);
}

/** The channel TUIOfflinePush will use, as the diagnosis concluded it before running the rules (conclude.ts). */
export function channelOf(sheet: FactSheet): PushChannel | null {
  return sheet.facts.pushChannel;
}

/** The app's package where one is under test, else "the app" in the reader's language. */
export function appParam(ctx: RuleContext): Msg | string {
  return ctx.app ?? msg('setting.the-app');
}

/** The path to a settings screen on this phone's ROM (rom-labels.ts), rendered per locale. */
export function screen(ctx: RuleContext, which: RomScreen): SettingRef {
  return setting(which, ctx.sheet.facts.rom?.name ?? null, ctx.app);
}

/** The vendor's name, or "the vendor" in the reader's language. */
export function vendorName(ctx: RuleContext): Msg | string {
  const v = ctx.vendor;
  return v ? { key: `vendor.${v.vendor}.name`, fallback: v.displayName } : msg('word.vendor');
}

/** UNTRANSLATED helper kept for rules not yet converted: the package, or "the app" in English. Use `appParam()`. */
export function appLabel(ctx: RuleContext): string {
  return ctx.app ?? 'the app';
}

/** UNTRANSLATED helper kept for rules not yet converted: English vendor wording, else stock Android wording. Use `screen()`. */
export function vendorText(vendor: VendorEntry | null, pick: (v: VendorEntry) => string | undefined, fallback: string): string {
  return (vendor && pick(vendor)) ?? fallback;
}
