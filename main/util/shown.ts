/**
 * A value echoed in a message, quoted, and cut when long: a 10 000-character `--serial` or `app` must not fill
 * the terminal, yet the user should see it was long. `shown('x'.repeat(10000))` → `"xxx…xxx…" (10000 characters)`.
 */
export function shown(value: string, max = 60): string {
  if (value.length <= max) return JSON.stringify(value);
  return `${JSON.stringify(`${value.slice(0, max)}…`)} (${value.length} characters)`;
}
