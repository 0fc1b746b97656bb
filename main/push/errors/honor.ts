import type { ErrorEntry, ErrorTable } from '../error-table.js';

// push-apis §3.2: only the success code is documented in our sources; the exact error table is UNVERIFIED,
// so every other code is reported as unknown with the raw code and Honor's message.
const DOC = 'https://my.oschina.net/u/5873522/blog/10140231 (Honor push doc reprint; push-apis §3.2)';
const CLIENTS = 'push-apis §3.2: public TS clients (public source 67422080501, 71221899633) check code === "200"';

const entries: Record<string, ErrorEntry> = {
  '200': { meaning: 'Honor accepted the message.', action: '', source: `${DOC}; ${CLIENTS}`, success: true },
  '80000000': { meaning: 'Honor accepted the message (Huawei-style success code some clients also accept).', action: '', source: 'push-apis §3.2 ("some clients also accept 80000000")', success: true },
};

export const HONOR_ERRORS: ErrorTable = { route: 'honor', docs: 'https://developer.honor.com/ (Honor push server API error codes)', entries };
