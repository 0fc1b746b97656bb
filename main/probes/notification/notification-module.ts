import type { AppFacts, ChannelFact } from '../../../common/domain/facts.js';
import { bugreportOutput, type ProbeModule } from '../probe-module.js';
import { cutShort, outputProblem, run, type Output, type OutputIndex, type SheetBuilder } from '../read-kit.js';
import { parseDumpsysNotification, type NotificationDump } from './dumpsys-notification.js';

/**
 * The app's notification settings as `dumpsys notification` prints them: its app-level importance (the
 * `AppSettings:` line) and its channels. Whether notifications are effectively enabled is a conclusion
 * (it also depends on POST_NOTIFICATIONS on Android 13+) and is drawn by the diagnosis.
 */

const NOTIFICATION_COMMAND = 'dumpsys notification --noredact';

function readAppNotifications(sheet: SheetBuilder, n: ReturnType<typeof findDump>, app: AppFacts): void {
  const pkg = app.package;
  if ('reason' in n) {
    sheet.why('app.notificationImportance', n.reason);
    sheet.why('app.channels', n.reason);
    return;
  }
  const { dump, out } = n;
  const settings = dump.app?.settings ?? null;
  const noPreferences = `no preference section in \`${out.command}\` (output cut short or not a notification dump)`;
  if (settings) {
    if (settings.banned === true) {
      // Android 7–8 print a ban as `banned=true`: the app's notifications are off whatever importance says.
      app.notificationImportance = 0;
    } else if (settings.importance !== null) {
      app.notificationImportance = settings.importance;
    } else {
      sheet.why('app.notificationImportance', settings.importanceProblem ?? 'importance unreadable on the AppSettings line');
    }
    sheet.cite('app.notificationImportance', out.command, settings.line);
  } else if (!dump.hasPreferences) {
    sheet.why('app.notificationImportance', noPreferences);
  } else if (cutShort(out)) {
    // The record may be among what was cut off; its absence proves nothing here.
    sheet.why('app.notificationImportance', `no "AppSettings: ${pkg}" line, but \`${out.command}\` was cut short before it ended`);
  } else {
    // No preferences record: the app never changed from the defaults (importance unspecified).
    app.notificationImportance = -1000;
    sheet.cite('app.notificationImportance', out.command, `no "AppSettings: ${pkg}" line (app at default notification settings)`);
  }

  if (!dump.hasPreferences && !settings) {
    sheet.why('app.channels', noPreferences);
    return;
  }
  const groups = new Map((dump.app?.groups ?? []).map((g) => [g.id, g.blocked]));
  const channels: ChannelFact[] = (dump.app?.channels ?? []).map((c) => ({
    id: c.id,
    // A name cut by dumpsys redaction ("Abc...") is not the channel's name: unknown, not a guess.
    name: c.nameRedacted ? null : c.name,
    importance: c.importance,
    blocked: channelBlocked(c.importance, c.group !== null && groups.has(c.group) ? groups.get(c.group) ?? null : false),
    sound: c.sound,
    vibration: c.vibrationEnabled,
    lockscreenVisibility: c.lockscreenVisibility,
    showBadge: c.showBadge,
    bypassDnd: c.bypassDnd,
    group: c.group,
  }));
  app.channels = channels;
  if (channels.length === 0) {
    sheet.cite('app.channels', out.command, settings?.line ?? `no "AppSettings: ${pkg}" line: the app has created no channels`);
  }
  for (const c of dump.app?.channels ?? []) {
    sheet.cite(`app.channels.${c.id}`, out.command, c.line);
    if (c.truncated) sheet.why(`app.channels.${c.id}`, 'channel line cut short; fields after the cut are unknown');
    if (c.nameRedacted) sheet.why(`app.channels.${c.id}.name`, 'name redacted by dumpsys (capture taken without --noredact)');
  }
}

/**
 * A channel is blocked by its own importance NONE or by a blocked group. A group whose `mBlocked` could not be
 * read leaves an otherwise open channel unknown, not open.
 */
export function channelBlocked(importance: number | null, groupBlocked: boolean | null): boolean | null {
  if (importance === 0 || groupBlocked === true) return true;
  if (importance === null || groupBlocked === null) return null;
  return false;
}

function findDump(out: OutputIndex, pkg: string | null): { dump: NotificationDump; out: Output } | { reason: string } {
  const n = out.find((d) => d.kind === 'dumpsys-notification');
  const problem = outputProblem(n, NOTIFICATION_COMMAND);
  if (problem || !n) return { reason: problem ?? 'missing' };
  const r = run(n, (t) => parseDumpsysNotification(t, pkg));
  if (!r.ok) return { reason: r.reason };
  return { dump: r.value, out: n };
}

export type NotificationCommand = { kind: 'dumpsys-notification'; noredact: boolean };

export const notificationModule: ProbeModule<NotificationCommand> = {
  dispatch(c) {
    const notif = /^dumpsys notification((?: --noredact| --reveal)*)$/.exec(c);
    return notif ? { kind: 'dumpsys-notification', noredact: (notif[1] ?? '') !== '' } : null;
  },
  area: 'notification',
  probes: () => [
    { id: 'dumpsys-notification', command: NOTIFICATION_COMMAND, purpose: 'DND, app and channel notification settings, posted notifications' },
  ],
  fromBugreport(sections) {
    const dump = sections.service('notification');
    return dump === null ? [] : [bugreportOutput(NOTIFICATION_COMMAND, dump)];
  },
  read(input, sheet) {
    if (!sheet.facts.app || input.app === null || input.appInstalled === false) return;
    readAppNotifications(sheet, findDump(input.out, input.app), sheet.facts.app);
  },
};

/** The zen mode `dumpsys notification` prints (`mZenMode=`), for the settings area when `settings` lacks it. */
export function zenFromNotificationDump(out: OutputIndex): { value: number; line: string; command: string } | null {
  const n = findDump(out, null);
  if ('reason' in n || !n.dump.zenMode) return null;
  return { value: n.dump.zenMode.value, line: n.dump.zenMode.line, command: n.out.command };
}
