import type { App, Details, Dialog, Event, RenderProcessGoneDetails, WebContents } from 'electron';
import type { Logger } from '../log/logger.js';
import { redactText } from '../report/redact.js';

/**
 * Main's last line: an error nothing caught, a promise nobody awaited, a window's renderer or a
 * helper process that died. Each is logged through the redacting logger (an error message can carry
 * a token or an account id) and the user is told in plain words instead of the app vanishing or
 * freezing with a white window.
 */
export interface CrashHandlerDeps {
  process: Pick<NodeJS.Process, 'on' | 'off'>;
  app: Pick<App, 'on' | 'off' | 'isReady' | 'exit' | 'quit'>;
  dialog: Pick<Dialog, 'showErrorBox' | 'showMessageBox'>;
  log: Logger;
  /** Where the log is written, so the user can find it (and send it). */
  logFile?: string;
}

/** What the user reads of an error: its first line, redacted and short. */
export function describeForUser(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : String(error);
  const first = redactText(text.split('\n', 1)[0] ?? '', []);
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}

const QUIET_REASONS = new Set(['clean-exit']);

export function installCrashHandler(deps: CrashHandlerDeps): () => void {
  const { log, dialog, app } = deps;
  const inTheLog = deps.logFile ? `The details are in the log: ${deps.logFile}` : 'The details are in the log.';
  let quitting = false;
  // One message box at a time: a loop of failures must not bury the user in dialogs (they are all logged).
  let boxOpen = false;

  function tell(message: string, detail: string, buttons: string[] = ['OK']): Promise<number | null> {
    // Before `ready` only the blocking error box can be shown.
    if (!app.isReady()) {
      dialog.showErrorBox(message, detail);
      return Promise.resolve(null);
    }
    if (boxOpen) return Promise.resolve(null);
    boxOpen = true;
    return dialog
      .showMessageBox({ type: 'error', title: 'Push Doctor', message, detail, buttons, defaultId: 0, cancelId: buttons.length - 1, noLink: true })
      .then((r) => r.response, () => null)
      .finally(() => {
        boxOpen = false;
      });
  }

  const onUncaught = (error: unknown): void => {
    log.error('Uncaught exception; Push Doctor closes', error);
    // Node's state after an uncaught exception is unknown: say so, then leave instead of carrying on.
    dialog.showErrorBox(
      'Push Doctor hit an unexpected error and must close',
      `${describeForUser(error)}\n\n${inTheLog}\nStart Push Doctor again; nothing on the phone was changed by this error.`,
    );
    app.exit(1);
  };

  const onRejection = (reason: unknown): void => {
    log.error('Unhandled promise rejection', reason);
    void tell(
      'Something in Push Doctor failed in the background',
      `${describeForUser(reason)}\n\nPush Doctor keeps running. If a view looks stuck, repeat what you were doing.\n${inTheLog}`,
    );
  };

  const onRenderGone = (_event: Event, contents: WebContents, details: RenderProcessGoneDetails): void => {
    const what = `The window's page stopped (${details.reason}, exit code ${details.exitCode})`;
    if (QUIET_REASONS.has(details.reason) || quitting) {
      log.info(what);
      return;
    }
    log.error(what);
    void tell(
      'The Push Doctor window stopped working',
      `Reason: ${details.reason}. Reload it to continue; an audit that was running must be started again.\n${inTheLog}`,
      ['Reload', 'Quit'],
    ).then((button) => {
      if (button === 0 && !contents.isDestroyed()) contents.reload();
      else if (button === 1) app.quit();
    });
  };

  const onChildGone = (_event: Event, details: Details): void => {
    const name = details.name ?? details.serviceName ?? details.type;
    const what = `A helper process stopped: ${name} (${details.type}, ${details.reason}, exit code ${details.exitCode})`;
    if (QUIET_REASONS.has(details.reason) || quitting) {
      log.info(what);
      return;
    }
    log.error(what);
    void tell(
      `A part of Push Doctor stopped (${name})`,
      `Reason: ${details.reason}. Push Doctor keeps running and Chromium restarts the part it needs; if the window looks wrong, close and start Push Doctor again.\n${inTheLog}`,
    );
  };

  const onBeforeQuit = (): void => {
    quitting = true;
  };

  deps.process.on('uncaughtException', onUncaught);
  deps.process.on('unhandledRejection', onRejection);
  app.on('render-process-gone', onRenderGone);
  app.on('child-process-gone', onChildGone);
  app.on('before-quit', onBeforeQuit);
  return () => {
    deps.process.off('uncaughtException', onUncaught);
    deps.process.off('unhandledRejection', onRejection);
    app.off('render-process-gone', onRenderGone);
    app.off('child-process-gone', onChildGone);
    app.off('before-quit', onBeforeQuit);
  };
}
