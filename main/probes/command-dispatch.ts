import { normalizeCommandLine } from './command-grammar.js';
import { PROBE_MODULES } from './probe-modules.js';

export { normalizeCommandLine } from './command-grammar.js';

/** What a command line asks for, as the module that owns the command understood it (its `dispatch`). */
export type DispatchedCommand = NonNullable<ReturnType<(typeof PROBE_MODULES)[number]['dispatch']>>;

/** The command a line stands for, or null when no module has a parser for it. */
export function dispatchCommand(commandLine: string): DispatchedCommand | null {
  const c = normalizeCommandLine(commandLine);
  for (const module of PROBE_MODULES) {
    const d = module.dispatch(c);
    if (d) return d;
  }
  return null;
}
