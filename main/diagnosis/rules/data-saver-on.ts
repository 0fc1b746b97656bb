import { msg } from '../../../common/i18n/msg.js';
import { reasonMsg } from './reason-messages.js';
import { appParam, evidenceFor, finding, screen, unknownFinding, type Rule } from './rule.js';

const ID = 'data-saver-on';

export const dataSaverOn: Rule = (ctx) => {
  const on = ctx.sheet.facts.system.dataSaver;
  if (on === null) return unknownFinding(ctx, ID, ['system.dataSaver']);
  if (!on) return finding(ID, 'ok', { detail: msg('finding.data-saver-on.off'), evidence: evidenceFor(ctx.sheet, 'system.dataSaver') });
  const exempt = ctx.app !== null ? ctx.sheet.facts.app?.dataSaverExempt ?? null : null;
  const evidence = evidenceFor(ctx.sheet, 'system.dataSaver', ...(ctx.app !== null ? ['app.dataSaverExempt'] : []));
  const p = { app: appParam(ctx) };
  if (exempt === true) return finding(ID, 'ok', { detail: msg('finding.data-saver-on.exempt', p), evidence });
  const noted = ctx.sheet.unknown['app.dataSaverExempt'];
  const reason = noted !== undefined ? reasonMsg(noted) : msg('finding.data-saver-on.not-read');
  return finding(ID, 'warning', {
    detail: ctx.app === null ? msg('finding.data-saver-on.on')
      : exempt === false ? msg('finding.data-saver-on.restricted', p)
        : msg('finding.data-saver-on.unread', { ...p, reason }),
    evidence,
    remedy: msg('finding.data-saver-on.remedy', { ...p, path: screen(ctx, 'dataSaver') }),
    fixId: 'open-data-saver-settings',
  });
};
