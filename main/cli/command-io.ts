import { createRedactor, type Redactor } from '../report/redact.js';
import { CliExit, type CliDeps } from './program.js';

/**
 * A command's view of the terminal. With `--redact` every line it prints — progress, diagnostics, the message it
 * ends with — goes through the same redactor as its report, so no serial or id leaks by the side door.
 */
export interface CommandIo extends CliDeps {
  redactor: Redactor | null;
  /** Runs the command's body, redacting the message of the CliExit it ends with. */
  run(body: () => Promise<void>): Promise<void>;
}

export function commandIo(deps: CliDeps, redact: boolean, serials: readonly string[] = []): CommandIo {
  const redactor = redact ? createRedactor(serials) : null;
  const clean = (text: string) => (redactor ? redactor.text(text) : text);
  return {
    ...deps,
    redactor,
    stderr: (text) => deps.stderr(clean(text)),
    // stdout carries the report, which its writer rendered from the redacted report already.
    stdout: (text) => deps.stdout(text),
    async run(body) {
      try {
        await body();
      } catch (error) {
        if (!redactor) throw error;
        if (error instanceof CliExit) throw new CliExit(error.exitCode, clean(error.message));
        if (error instanceof Error) throw new Error(clean(error.message));
        throw error;
      }
    },
  };
}
