/** The CLI's own words around the findings (main/cli/commands/: progress lines, connection errors). */
export const cliEn = {
  'cli.audited': 'audited',
  'cli.partly-read': 'partly read ({errors})',
  'cli.cannot-reach': 'Cannot reach the adb server: {message}',
  'cli.fix': 'fix: {hint}',
  'cli.no-devices-found': 'No devices found on the adb server(s).',
} as const;
