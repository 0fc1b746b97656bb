import type { ErrorEntry, ErrorTable } from '../error-table.js';

// push-apis §3.4: OPPO doc "调用地址，公共参数和返回码" (public source copy 825220680).
const DOC = 'OPPO push server API return codes (OPPO doc 调用地址，公共参数和返回码, public source 825220680; push-apis §3.4)';
const bug = 'Report this as a Push Doctor bug.';
const keys = 'Check app_key and master_secret in the credentials file (OPPO console → the app → push service).';

const entries: Record<string, ErrorEntry> = {
  '0': { meaning: 'OPPO accepted the request.', action: '', source: DOC, success: true },
  '-2': { meaning: 'OPPO server flow control.', action: 'Retry later.', source: DOC, retryable: true },
  '-1': { meaning: 'OPPO service unavailable.', action: 'Retry later.', source: DOC, retryable: true },
  '11': { meaning: 'Invalid auth_token.', action: 'Fetch a new token (Push Doctor does this each run).', source: DOC },
  '12': { meaning: 'HTTP method not allowed.', action: bug, source: DOC },
  '13': { meaning: 'The app\'s call frequency is limited.', action: 'Retry later.', source: DOC, retryable: true },
  '14': { meaning: 'Invalid AppKey.', action: keys, source: DOC },
  '15': { meaning: 'AppKey missing.', action: keys, source: DOC },
  '16': { meaning: 'Invalid signature: sha256(app_key + timestamp + master_secret) did not match.', action: keys, source: DOC },
  '17': { meaning: 'Signature missing.', action: bug, source: DOC },
  '18': { meaning: 'Timestamp missing.', action: bug, source: DOC },
  '19': { meaning: 'Invalid timestamp (must be within 10 minutes of OPPO\'s clock).', action: 'Check the computer clock.', source: DOC },
  '20': { meaning: 'Invalid method.', action: bug, source: DOC },
  '21': { meaning: 'Method missing.', action: bug, source: DOC },
  '22': { meaning: 'API version error.', action: bug, source: DOC },
  '23': { meaning: 'API version error.', action: bug, source: DOC },
  '24': { meaning: 'API version error.', action: bug, source: DOC },
  '25': { meaning: 'Invalid encoding (use UTF-8).', action: bug, source: DOC },
  '26': { meaning: 'The calling IP is blacklisted.', action: 'Check the IP allow list in the OPPO console.', source: DOC },
  '27': { meaning: 'Access denied.', action: 'Check the app\'s push permission in the OPPO console.', source: DOC },
  '28': { meaning: 'The app is disabled.', action: 'Check the app\'s state in the OPPO console.', source: DOC },
  '29': { meaning: 'auth_token missing.', action: bug, source: DOC },
  '30': { meaning: 'The app has no permission to push through the API.', action: 'Apply for API push in the OPPO console.', source: DOC },
  '31': { meaning: 'Data does not exist (e.g. the registration id is unknown).', action: 'Copy the registration id again from the phone (logcat "onRegister responseCode: 0 registerID:").', source: DOC },
  '32': { meaning: 'Duplicate data.', action: 'Change the message text and retry.', source: DOC },
  '33': { meaning: 'The app\'s messages exceed the daily limit.', action: 'Wait until tomorrow, or send in a category with a higher quota.', source: DOC },
  '34': { meaning: 'Picture upload daily limit reached.', action: 'Wait until tomorrow.', source: DOC },
  '40': { meaning: 'A required argument is missing.', action: 'The message names it; report it as a Push Doctor bug.', source: DOC },
  '41': { meaning: 'An argument is invalid.', action: 'The message names it.', source: DOC },
  '51': { meaning: 'Invalid picture.', action: 'Send without a picture.', source: DOC },
  '55': { meaning: 'App call frequency limit.', action: 'Retry later.', source: DOC, retryable: true },
  '59': { meaning: 'No permission for secondary actions.', action: 'Send without secondary actions.', source: DOC },
  '67': { meaning: 'Category error, or notify_level invalid for the private channel.', action: 'Send a category (e.g. IM) the app is approved for, with notify_level 1, 2 or 16.', source: DOC },
};

export const OPPO_ERRORS: ErrorTable = { route: 'oppo', docs: DOC, entries };
