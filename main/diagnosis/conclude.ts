import type { AppFacts, Evidence, FactSheet } from '../../common/domain/facts.js';
import { gmsUsable, pickPushChannel } from './push-channel.js';

/**
 * Conclusions drawn from several facts, computed once, here: the push channel TUIOfflinePush will use and
 * whether the app's notifications are effectively on. Probes report what the phone printed; the report
 * carries these concluded values in `facts.pushChannel` and `facts.app.notificationsEnabled`, with the
 * evidence of the facts they rest on.
 * A sheet that already carries a value (a hand-built sheet, a report read back) keeps it.
 */

const ANDROID_13 = 33;

export function concludeFacts(sheet: FactSheet): FactSheet {
  const out: FactSheet = {
    facts: { ...sheet.facts, app: sheet.facts.app ? { ...sheet.facts.app } : null },
    evidence: { ...sheet.evidence },
    unknown: { ...sheet.unknown },
  };
  concludeChannel(out);
  if (out.facts.app) concludeNotificationsEnabled(out, out.facts.app);
  return out;
}

function copyEvidence(sheet: FactSheet, to: string, ...from: string[]): void {
  const list: Evidence[] = [...(sheet.evidence[to] ?? [])];
  for (const path of from) {
    for (const e of sheet.evidence[path] ?? []) {
      if (!list.some((x) => x.command === e.command && x.excerpt === e.excerpt)) list.push(e);
    }
  }
  if (list.length > 0) sheet.evidence[to] = list;
}

function concludeChannel(sheet: FactSheet): void {
  const f = sheet.facts;
  if (f.pushChannel !== null) return;
  const channel = pickPushChannel({ brand: f.brand, manufacturer: f.manufacturer, gmsAvailable: gmsUsable(f.gms) });
  f.pushChannel = channel;
  if (channel === null) {
    // The reason the phone's identity could not be read says more than "unknown" would.
    sheet.unknown.pushChannel ??= f.brand === null || f.manufacturer === null
      ? (f.brand === null ? sheet.unknown.brand : sheet.unknown.manufacturer) ?? 'brand or manufacturer unknown'
      : `no vendor channel for this brand and Google Play services state unknown${sheet.unknown['gms.installed'] ? ` (${sheet.unknown['gms.installed']})` : ''}`;
    return;
  }
  delete sheet.unknown.pushChannel;
  copyEvidence(sheet, 'pushChannel', 'brand', 'manufacturer');
  if (channel === 'fcm' || channel === 'none') copyEvidence(sheet, 'pushChannel', 'gms.installed');
}

/**
 * The app-level importance decides where the phone keeps a setting for the app. Where it keeps none (the
 * app at its defaults, importance -1000) or the setting could not be read, Android 13+ lets the
 * POST_NOTIFICATIONS grant decide; before 13 the default allows notifications.
 */
function concludeNotificationsEnabled(sheet: FactSheet, app: AppFacts): void {
  if (app.notificationsEnabled !== null || app.installed === false) return;
  const sdk = sheet.facts.android?.sdk ?? null;
  const permissionDecides = sdk !== null && sdk >= ANDROID_13 && app.postNotificationsGranted !== null;
  const importance = app.notificationImportance;
  let from: string;
  if (importance !== null && importance !== -1000) {
    app.notificationsEnabled = importance !== 0;
    from = 'app.notificationImportance';
  } else if (permissionDecides) {
    app.notificationsEnabled = app.postNotificationsGranted;
    from = 'app.postNotificationsGranted';
  } else if (importance === -1000) {
    app.notificationsEnabled = true;
    from = 'app.notificationImportance';
  } else {
    const why = sheet.unknown['app.notificationImportance'];
    if (why) sheet.unknown['app.notificationsEnabled'] ??= why;
    return;
  }
  delete sheet.unknown['app.notificationsEnabled'];
  copyEvidence(sheet, 'app.notificationsEnabled', from);
}
