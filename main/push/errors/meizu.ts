import type { ErrorEntry, ErrorTable } from '../error-table.js';

// push-apis §3.6: xxgail/MZPushSDK error_code.go and curltech/go-push-sdk meizu_channel.
const DOC = 'https://github.com/xxgail/MZPushSDK (error_code.go; push-apis §3.6)';

const entries: Record<string, ErrorEntry> = {
  '200': { meaning: 'Meizu accepted the message.', action: '', source: DOC, success: true },
  '500': { meaning: 'Other error.', action: 'The message field says more.', source: DOC },
  '1001': { meaning: 'Meizu system error.', action: 'Retry later.', source: DOC, retryable: true },
  '1003': { meaning: 'Meizu server busy.', action: 'Retry later.', source: DOC, retryable: true },
  '1005': { meaning: 'Parameter error.', action: 'The message field names it.', source: DOC },
  '1006': { meaning: 'Authentication error: the sign did not verify.', action: 'Check appId and appSecret in the credentials file (Flyme console → the app).', source: DOC },
  '110000': { meaning: 'The appId is illegal.', action: 'Check appId in the credentials file.', source: DOC },
  '110001': { meaning: 'The appKey is illegal.', action: 'Check the app\'s keys in the Flyme console.', source: DOC },
  '110004': { meaning: 'A parameter is empty.', action: 'Report this as a Push Doctor bug.', source: DOC },
  '110009': { meaning: 'The app is blacklisted.', action: 'Contact Meizu.', source: DOC },
};

export const MEIZU_ERRORS: ErrorTable = { route: 'meizu', docs: DOC, entries };
