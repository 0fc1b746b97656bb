import type { ErrorEntry, ErrorTable } from '../error-table.js';

// push-apis §3.3: Xiaomi's numeric error table was not found in our sources. Only success is known; every
// other code is shown verbatim with its reason, as unknown.
const DOC = 'https://dev.mi.com/console/doc/detail?pId=1163 (MiPush server API; push-apis §3.3)';

const entries: Record<string, ErrorEntry> = {
  '0': { meaning: 'Xiaomi accepted the message (result "ok").', action: '', source: `${DOC}; modood/pushapi xiaomipush/xiaomipush.go`, success: true },
};

export const XIAOMI_ERRORS: ErrorTable = { route: 'xiaomi', docs: DOC, entries };
