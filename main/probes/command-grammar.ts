/**
 * Shared pieces of the command grammar the modules' dispatchers use. Which parser reads an output is decided
 * by the command line that produced it, never by a file name: captures are written by hand as often as by the
 * tool. Accepts the plain forms an engineer types (capture.md), with or without an `adb [-s SERIAL] shell`
 * prefix, quotes around the shell command and extra spaces.
 */

/** An Android package name inside a command's regular expression. */
export const PKG = '[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+';
/** `--user N|current|all`, optional, where the shell commands accept it. */
export const USER_OPT = '(?:\\s+--user\\s+(?:\\d+|current|all))?';

/** Strips `adb [global options] shell` and quotes: `adb -s X shell "dumpsys package p"` → `dumpsys package p`. */
export function normalizeCommandLine(commandLine: string): string {
  let c = commandLine.trim().replace(/\s+/g, ' ');
  const adb = /^(?:\S*[\\/])?adb(?:\.exe)?((?: -[a-zA-Z](?: (?!shell\b)\S+)?)*) shell(?: |$)/.exec(c);
  if (adb) c = c.slice(adb[0].length).trim();
  if (c.length >= 2 && ((c.startsWith('"') && c.endsWith('"')) || (c.startsWith("'") && c.endsWith("'")))) {
    c = c.slice(1, -1).trim();
  }
  return c;
}
