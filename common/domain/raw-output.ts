/**
 * What one command printed on a phone: the unit that probes read live, captures store and the
 * analyzer replays. `text` is null when nothing was read; `error` says why.
 */
export interface RawOutput {
  /** The command line as run on the phone (parsers are chosen by it, never by a file name). */
  command: string;
  text: string | null;
  exitCode: number | null;
  durationMs?: number;
  error?: string;
}
