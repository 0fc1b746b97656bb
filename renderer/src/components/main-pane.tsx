import { refKey } from '../../../common/domain/device.js';
import { runAudit } from '../bridge.js';
import { STATE_BADGES, identityLine } from '../device-states.js';
import { useAppPackage, useAuditRun, useAuditStore } from '../stores/audit-store.js';
import { useSelectedDevice } from '../stores/device-store.js';
import { FindingsList } from './findings-list.js';

export function MainPane() {
  const device = useSelectedDevice();
  const run = useAuditRun(device ? refKey(device) : null);
  const appPackage = useAppPackage();
  const setAppPackage = useAuditStore((s) => s.setAppPackage);

  if (!device) {
    return (
      <main className="main-pane empty">
        <p>Select a phone</p>
      </main>
    );
  }

  const running = run?.status === 'running';
  return (
    <main className="main-pane">
      <header className="pane-header">
        <div>
          <h1>{identityLine(device) || device.serial}</h1>
          <p className="muted">
            {device.serial} on {device.server} · {STATE_BADGES[device.state].label}
          </p>
        </div>
        <form
          className="audit-form"
          onSubmit={(e) => {
            e.preventDefault();
            void runAudit(device, appPackage);
          }}
        >
          <label>
            App package
            <input
              name="app"
              value={appPackage}
              placeholder="com.example.im (optional)"
              spellCheck={false}
              onChange={(e) => setAppPackage(e.target.value)}
            />
          </label>
          <button type="submit" disabled={running}>
            {running ? 'Auditing…' : 'Audit'}
          </button>
        </form>
      </header>
      {run?.status === 'running' && (
        <div className="progress" role="status">
          <progress max={run.total || 1} value={run.done} />
          <span>
            Reading the phone: {run.done}/{run.total || '?'}
            {run.lastStep ? ` (${run.lastStep})` : ''}
          </span>
        </div>
      )}
      {run?.status === 'failed' && run.error && (
        <div className="notice notice-error" role="alert">
          <strong>{run.error.message}</strong>
          {run.error.hint && <p>{run.error.hint}</p>}
        </div>
      )}
      {run?.report && <FindingsList findings={run.report.findings} />}
    </main>
  );
}
