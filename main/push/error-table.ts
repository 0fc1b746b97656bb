import type { CodeExplanation, RouteId } from './types.js';

/**
 * One row of a route's error table: what the code means and what to do, with the source it comes from
 * (a URL or section cited in ../shared/reference/push-apis.md).
 */
export interface ErrorEntry {
  meaning: string;
  action: string;
  source: string;
  /** Only success rows say true; everything else, including every unknown code, is a failure. */
  success?: boolean;
  retryable?: boolean;
}

export interface ErrorTable {
  route: RouteId;
  /** Where to look up a code the table does not know. */
  docs: string;
  entries: Readonly<Record<string, ErrorEntry>>;
}

/**
 * Explains a code from the table. A code the table does not know is reported as unknown with the raw code
 * and whatever text the server sent, never as success, whatever the HTTP status said.
 */
export function explainCode(table: ErrorTable, code: string | number, serverText?: string | null): CodeExplanation {
  const key = String(code);
  const entry = table.entries[key];
  if (entry) {
    return {
      code: key, known: true, success: entry.success === true, meaning: entry.meaning, action: entry.action,
      source: entry.source, retryable: entry.retryable === true,
    };
  }
  const said = serverText ? ` The server said: "${serverText.slice(0, 300)}".` : '';
  return {
    code: key,
    known: false,
    success: false,
    meaning: `${table.route} answered with code ${key}, which is not in this route's error table.${said}`,
    action: `Look the code up in the vendor documentation (${table.docs}) before relying on this push.`,
    source: table.docs,
    retryable: false,
  };
}
