import { useEffect, useRef } from 'react';
import { refKey } from '../../../common/domain/device.js';
import { useDeviceStore } from '../stores/device-store.js';
import { applyFix, cancelFix } from '../bridge.js';
import { useT } from '../i18n.js';
import { useConfirmingFix, useFix } from '../stores/fix-store.js';
import { useAuditStore } from '../stores/audit-store.js';
import { fixNoteKey, fixTitleKey } from '../../../common/i18n/fix-keys.js';

/**
 * The confirmation before anything runs on the phone: the exact command lines main will run, and what they
 * cannot do. Modal: focus moves in, Escape or Cancel closes it, and focus goes back to where it was.
 */
export function FixDialog() {
  const t = useT();
  const key = useConfirmingFix();
  const state = useFix(key ?? '');
  const confirmRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);

  useEffect(() => {
    if (!key) return;
    returnTo.current = document.activeElement;
    confirmRef.current?.focus();
    return () => {
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
    };
  }, [key]);

  if (!key || !state?.plan) return null;
  // Finding ids have no colon; an IPv6 server in the phone's key may.
  const cut = key.lastIndexOf('::');
  const phone = key.slice(0, cut);
  const finding = key.slice(cut + 2);
  const plan = state.plan;
  const close = (): void => cancelFix(phone, finding);
  const run = (): void => {
    const audit = useAuditStore.getState().runs[phone];
    const devices = useDeviceStore.getState();
    const device = devices.devices.find((d) => refKey(d) === phone);
    const ref = device ?? audit?.report?.ref;
    if (!ref) return close();
    void applyFix({ ref, ...(audit?.app ? { app: audit.app } : {}), finding, fix: plan.fix });
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') close(); }}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="fix-dialog-title" aria-describedby="fix-dialog-note">
        <h2 id="fix-dialog-title">{t(fixTitleKey(plan.fix))}</h2>
        <p>{plan.changesState ? t('ui.fix.will-run') : t('ui.fix.will-open')}</p>
        <ol className="fix-commands">
          {plan.commands.map((c, i) => <li key={i}><code>adb shell {c}</code></li>)}
        </ol>
        <p id="fix-dialog-note" className="muted">{t(fixNoteKey(plan.fix))}</p>
        <div className="modal-actions">
          <button type="button" onClick={close}>{t('ui.cancel')}</button>
          <button type="button" className="primary" ref={confirmRef} onClick={run}>
            {plan.changesState ? t('ui.fix.confirm-run') : t('ui.fix.confirm-open')}
          </button>
        </div>
      </div>
    </div>
  );
}
