import type { ErrorEntry, ErrorTable } from '../error-table.js';

// push-apis §3.5. The full vivo code table was not found in our sources; these are the codes seen there.
const DOC = 'https://app.applebyme.cn/cloud/appshangjia/2017.html (vivo push doc v2.9.2 reprint; push-apis §3.5)';
const REG = 'https://ov.liuad.com/2304.html (vivo doc reprint with the 10302 sample; push-apis §3.5)';
const TPNS = 'https://cloud.tencent.com/document/product/548/36657 (push-apis §3.5)';

const entries: Record<string, ErrorEntry> = {
  '0': { meaning: 'vivo accepted the request.', action: '', source: DOC, success: true },
  '10070': { meaning: 'The total send count was exceeded (daily limit).', action: 'Do not call /message/send again today; send system (classification 1 / category IM) messages, or use pushMode 1 with a registered test device.', source: `${DOC}; ${TPNS}` },
  '10252': { meaning: 'Batch message body limit reached.', action: 'Wait until tomorrow.', source: DOC },
  '10254': { meaning: 'Full broadcast limit reached.', action: 'Wait until tomorrow.', source: DOC },
  '10302': { meaning: 'The regId is invalid (invalidUser.status: 1 not found, 2 uninstalled or notifications off, 3 offline over 90 days, 4 not a test user).', action: 'Copy the regId again from the phone (logcat "onReceiveRegId ="); in test mode register the phone as a test device on the vivo console.', source: REG },
  '10094': { meaning: 'The appId does not match the appId the auth token was issued for.', action: 'Use one vivo appId in the credentials file.', source: DOC },
};

/** Meaning of invalidUser.status in a 10302 answer (push-apis §3.5). */
export const VIVO_INVALID_USER_STATUS: Readonly<Record<number, string>> = {
  1: 'the regId does not exist',
  2: 'the app was uninstalled or its notifications are off',
  3: 'the phone has been offline for more than 90 days',
  4: 'the phone is not a registered test user (pushMode 1 only reaches test devices)',
};

export const VIVO_ERRORS: ErrorTable = { route: 'vivo', docs: DOC, entries };
