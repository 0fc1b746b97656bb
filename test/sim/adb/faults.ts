/** Trouble a simulated phone's transport can be told to cause, at start or at run time. */
export interface TransportFaults {
  /** Drop the TCP connection once this many stream payload bytes were sent on it. */
  disconnectAfterBytes?: number;
  /** Drop the TCP connection partway through the output of a matching command. */
  disconnectOnCommand?: RegExp;
  /** Never answer a matching command again: no output, no close, no acknowledgement of its input. */
  silentOnCommand?: RegExp;
  /** Close a matching command's stream partway through its output, without an exit status. */
  truncateOnCommand?: RegExp;
  /** How many output bytes a matching command gets out before `disconnectOnCommand`/`truncateOnCommand` strike; 4096 by default. */
  faultAfterBytes?: number;
}

export const DEFAULT_FAULT_AFTER_BYTES = 4096;

export type CommandFault = 'silent' | 'truncate' | 'disconnect' | null;

/** Which fault applies to a command (the shell command line, or the service name for other services). */
export function faultFor(faults: TransportFaults, command: string): CommandFault {
  if (matches(faults.silentOnCommand, command)) return 'silent';
  if (matches(faults.disconnectOnCommand, command)) return 'disconnect';
  if (matches(faults.truncateOnCommand, command)) return 'truncate';
  return null;
}

// A /g or /y pattern keeps lastIndex between test() calls; a fault must not depend on that history.
function matches(pattern: RegExp | undefined, command: string): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  return pattern.test(command);
}
