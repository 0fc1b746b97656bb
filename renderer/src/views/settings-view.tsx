import { useId, useState } from 'react';
import type { CredentialStatus, IpcError, Settings } from '../../../common/ipc/contract.js';
import { clearCredential, setCredential, updateSettings } from '../bridge.js';
import { AdbPathForm } from '../components/adb-path-form.js';
import { useT } from '../i18n.js';
import { useAdbLocation } from '../stores/app-store.js';
import { usePrefsStore } from '../stores/prefs-store.js';
import { useCredentials, useSettings } from '../stores/settings-store.js';

/** "host:port" as main's schema takes it: a host name, IPv4 or [IPv6], and a port. */
const SERVER = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

export function SettingsView() {
  const t = useT();
  return (
    <div className="settings">
      <h1>{t('ui.view.settings')}</h1>
      <AppearanceSection />
      <AdbSection />
      <CredentialsSection />
    </div>
  );
}

function Problem({ error }: { error: IpcError | null }) {
  if (!error) return null;
  return <p className="form-error" role="alert">{error.message}{error.hint ? ` ${error.hint}` : ''}</p>;
}

function AppearanceSection() {
  const t = useT();
  const theme = usePrefsStore((s) => s.theme);
  const locale = usePrefsStore((s) => s.locale);
  const [error, setError] = useState<IpcError | null>(null);
  const themes: Settings['theme'][] = ['system', 'light', 'dark'];
  const locales: Settings['locale'][] = ['system', 'en', 'zh-CN'];
  return (
    <section className="card" aria-labelledby="settings-appearance">
      <h2 id="settings-appearance">{t('ui.settings.appearance')}</h2>
      <fieldset className="radio-row">
        <legend>{t('ui.settings.theme')}</legend>
        {themes.map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="theme" value={v} checked={theme === v} onChange={() => void updateSettings({ theme: v }).then(setError)} />
            {t(`ui.settings.theme.${v}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="radio-row">
        <legend>{t('ui.settings.language')}</legend>
        {locales.map((v) => (
          <label key={v} className="choice" lang={v === 'zh-CN' ? 'zh-CN' : v === 'en' ? 'en' : undefined}>
            <input type="radio" name="locale" value={v} checked={locale === v} onChange={() => void updateSettings({ locale: v }).then(setError)} />
            {v === 'system' ? t('ui.settings.language.system') : v === 'en' ? 'English' : '简体中文'}
          </label>
        ))}
      </fieldset>
      <Problem error={error} />
    </section>
  );
}

function AdbSection() {
  const t = useT();
  const ids = useId();
  const settings = useSettings();
  const adb = useAdbLocation();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const servers = settings?.adbServers ?? [];
  const valid = SERVER.test(draft.trim()) && Number(SERVER.exec(draft.trim())?.[1]) <= 65535;
  const save = (next: string[]): void => void updateSettings({ adbServers: next }).then(setError);
  return (
    <section className="card" aria-labelledby="settings-adb">
      <h2 id="settings-adb">{t('ui.settings.adb')}</h2>
      <h3>{t('ui.settings.adb-path')}</h3>
      <p>{adb?.found ? <code>{adb.path}</code> : adb?.message ?? '…'}</p>
      <AdbPathForm current={adb?.source === 'settings' ? adb.path : null} />
      <h3>{t('ui.settings.servers')}</h3>
      <p className="muted">{t('ui.settings.servers-help')}</p>
      {servers.length === 0 && <p className="muted">{t('ui.settings.no-servers')}</p>}
      <ul className="server-list">
        {servers.map((s) => (
          <li key={s}>
            <code>{s}</code>{' '}
            <button type="button" className="link-button" onClick={() => save(servers.filter((x) => x !== s))} aria-label={t('ui.settings.remove-server', { server: s })}>
              {t('ui.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid || servers.includes(draft.trim())) return;
          save([...servers, draft.trim()]);
          setDraft('');
        }}
      >
        <label htmlFor={`${ids}-server`}>{t('ui.settings.add-server')}</label>
        <input id={`${ids}-server`} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="192.168.1.20:5037" spellCheck={false}
          aria-invalid={draft.trim() !== '' && !valid} aria-describedby={`${ids}-server-help`} />
        <button type="submit" disabled={!valid || !settings}>{t('ui.add')}</button>
        <span id={`${ids}-server-help`} className="field-help">{draft.trim() !== '' && !valid ? t('ui.settings.server-invalid') : ''}</span>
      </form>
      <Problem error={error} />
    </section>
  );
}

function CredentialsSection() {
  const t = useT();
  const credentials = useCredentials();
  return (
    <section className="card" aria-labelledby="settings-credentials">
      <h2 id="settings-credentials">{t('ui.settings.credentials')}</h2>
      <p className="muted">{t('ui.settings.credentials-help')}</p>
      {credentials === null ? <p className="muted">…</p> : credentials.length === 0 ? <p className="muted">{t('ui.settings.no-routes')}</p> : (
        <table className="credentials">
          <thead>
            <tr>
              <th scope="col">{t('ui.settings.col.route')}</th>
              <th scope="col">{t('ui.settings.col.state')}</th>
              <th scope="col">{t('ui.settings.col.storage')}</th>
              <th scope="col"><span className="visually-hidden">{t('ui.settings.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {credentials.map((c) => <CredentialRow key={c.route} credential={c} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CredentialRow({ credential }: { credential: CredentialStatus }) {
  const t = useT();
  const ids = useId();
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  return (
    <>
      <tr>
        <th scope="row">{credential.route}</th>
        <td><span className={`pill ${credential.set ? 'pill-ok' : 'pill-not-checked'}`}>{credential.set ? t('ui.settings.set') : t('ui.settings.not-set')}</span></td>
        <td>{t(`ui.settings.storage.${credential.storage}`)}</td>
        <td className="actions">
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing} aria-controls={`${ids}-form`}>
            {credential.set ? t('ui.settings.replace') : t('ui.settings.paste')}
          </button>
          {credential.set && (
            <button type="button" onClick={() => void clearCredential(credential.route).then(setError)} aria-label={t('ui.settings.clear-route', { route: credential.route })}>
              {t('ui.settings.clear')}
            </button>
          )}
        </td>
      </tr>
      {(editing || error) && (
        <tr>
          <td colSpan={4}>
            {editing && (
              <form
                id={`${ids}-form`}
                className="secret-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void setCredential(credential.route, secret).then((refused) => {
                    setError(refused);
                    // The secret leaves the page's memory as soon as main has it.
                    if (!refused) {
                      setSecret('');
                      setEditing(false);
                    }
                  });
                }}
              >
                <label htmlFor={`${ids}-secret`}>{t('ui.settings.paste-label', { route: credential.route })}</label>
                <textarea id={`${ids}-secret`} value={secret} onChange={(e) => setSecret(e.target.value)} rows={5} spellCheck={false} autoComplete="off" />
                <div>
                  <button type="submit" className="primary" disabled={secret.trim() === ''}>{t('ui.save')}</button>{' '}
                  <button type="button" onClick={() => { setSecret(''); setEditing(false); }}>{t('ui.cancel')}</button>
                </div>
              </form>
            )}
            <Problem error={error} />
          </td>
        </tr>
      )}
    </>
  );
}
