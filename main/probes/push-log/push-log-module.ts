import type { PushLogFacts } from '../../../common/domain/facts.js';
import { bugreportOutput, type ProbeModule } from '../probe-module.js';
import { outputProblem, parseFailure, textOf, type OutputIndex, type SheetBuilder } from '../read-kit.js';
import { scanPushLog } from './push-log.js';

/** What the push SDKs and TUIOfflinePush logged about registration, from `logcat -d`. */

export const LOGCAT_LINES = 5000;

function readPushLog(sheet: SheetBuilder, out: OutputIndex, app: string | null): PushLogFacts | null {
  const o = out.find((d) => d.kind === 'logcat');
  const problem = outputProblem(o, 'logcat -d');
  if (problem || !o) {
    sheet.why('pushLog', problem ?? 'missing');
    return null;
  }
  const scan = scanPushLog(textOf(o), app);
  if (scan.logLines === 0) {
    sheet.why('pushLog', textOf(o).trim() === ''
      ? `\`${o.command}\` printed nothing (log buffer empty or cleared): nothing to scan`
      : parseFailure(o, 'no logcat lines in the output'));
    return null;
  }
  const facts: PushLogFacts = {
    tokenReceived: false, tokenReported: false, businessId: null, lastError: null, fcmCancelledForStoppedApp: false,
  };
  const cmd = o.command;
  for (const e of scan.events) {
    switch (e.kind) {
      case 'token-received':
        facts.tokenReceived = true;
        sheet.cite('pushLog.tokenReceived', cmd, e.excerpt);
        break;
      case 'token-config':
        if (e.token !== '') {
          facts.tokenReceived = true;
          sheet.cite('pushLog.tokenReceived', cmd, e.excerpt);
        }
        facts.businessId = e.businessId;
        sheet.cite('pushLog.businessId', cmd, e.excerpt);
        break;
      case 'token-reported':
        facts.tokenReported = true;
        sheet.cite('pushLog.tokenReported', cmd, e.excerpt);
        break;
      case 'report-error':
      case 'registration-error':
        facts.lastError = e.excerpt;
        sheet.cite('pushLog.lastError', cmd, e.excerpt);
        break;
      case 'fcm-cancelled':
        facts.fcmCancelledForStoppedApp = true;
        sheet.cite('pushLog.fcmCancelledForStoppedApp', cmd, e.excerpt);
        break;
    }
  }
  const none = `no matching line in ${scan.logLines} logcat lines`;
  if (!facts.tokenReceived) sheet.cite('pushLog.tokenReceived', cmd, none);
  if (!facts.tokenReported) sheet.cite('pushLog.tokenReported', cmd, none);
  if (!facts.fcmCancelledForStoppedApp) sheet.cite('pushLog.fcmCancelledForStoppedApp', cmd, none);
  if (facts.businessId === null) sheet.why('pushLog.businessId', `setOfflinePushConfig not logged (${none})`);
  if (facts.lastError === null) sheet.why('pushLog.lastError', 'no registration error logged');
  return facts;
}


export type PushLogCommand = { kind: 'logcat' };

export const pushLogModule: ProbeModule<PushLogCommand> = {
  dispatch(c) {
    // Only a dump (-d, -t N, -T N, --dump) ends; a live logcat never does.
    return /^logcat(?: .*)?$/.test(c) && /(?:^| )(?:-d|-t \d+|-T \d+|--dump)(?: |$)/.test(`${c} `) ? { kind: 'logcat' } : null;
  },
  area: 'push-log',
  probes: () => [{ id: 'logcat', command: `logcat -d -v threadtime -t ${LOGCAT_LINES}`, purpose: 'push SDK registration lines' }],
  fromBugreport(sections) {
    const log = sections.command('SYSTEM LOG');
    return log === null ? [] : [bugreportOutput('logcat -d -v threadtime', log)];
  },
  read({ out, app }, sheet) {
    sheet.facts.pushLog = readPushLog(sheet, out, app);
  },
};
