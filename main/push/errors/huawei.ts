import type { ErrorEntry, ErrorTable } from '../error-table.js';

// Sources, as cited in ../shared/reference/push-apis.md §3.1.
const DOC = 'https://developer.huawei.com/consumer/en/doc/hmscore-guides/android-server-dev-0000001050040110/ (push-apis §3.1; codes from modood/pushapi huaweipush/message.go, HMS-Core/hms-push-serverdemo-go constants.go)';
const CAUSES = 'https://segmentfault.com/a/1190000042188975/en (push-apis §3.1)';
const HTTP = 'https://developer.huawei.com/consumer/en/doc/doccenter-references/api/push-scenariozed-api-response/ (push-apis §3.1)';

const entries: Record<string, ErrorEntry> = {
  '80000000': { meaning: 'Huawei accepted the message.', action: '', source: DOC, success: true },
  '80100000': { meaning: 'Partially successful: some tokens were rejected (msg lists illegal_tokens).', action: 'The token in illegal_tokens is invalid: get a fresh one from the phone.', source: DOC },
  '80100001': { meaning: 'Some request parameters are wrong.', action: 'The msg field names the parameter.', source: DOC },
  '80100002': { meaning: 'A synchronous message must have exactly one token.', action: 'Send to one token.', source: DOC },
  '80100003': { meaning: 'The message structure is incorrect.', action: 'The msg field names the field; report it as a Push Doctor bug.', source: DOC },
  '80100004': { meaning: 'The TTL is earlier than now.', action: 'Use a positive ttl.', source: DOC },
  '80100013': { meaning: 'The collapse_key is invalid.', action: 'Use -1, 0 or 1..100.', source: DOC },
  '80100016': { meaning: 'The message contains sensitive information.', action: 'Send a different test text.', source: CAUSES },
  '80100017': { meaning: 'More than 100 concurrent topic tasks.', action: 'Wait and retry.', source: DOC, retryable: true },
  '80100018': { meaning: 'Third-party review signature mismatch.', action: 'Check the review signature configuration in AppGallery Connect.', source: DOC },
  '80200001': { meaning: 'OAuth authentication error: the Authorization header is missing, or the token of one app was used for another.', action: 'Use the app id and secret of the app the token belongs to.', source: CAUSES },
  '80200003': { meaning: 'The OAuth access token has expired.', action: 'Fetch a new access token (Push Doctor does this each run); check the computer clock.', source: CAUSES },
  '80300002': { meaning: 'The app has no permission to send push messages.', action: 'Enable Push Kit for the app in AppGallery Connect.', source: DOC },
  '80300007': { meaning: 'All tokens are invalid (extra spaces or characters, or the token belongs to another app).', action: 'Copy the token again from the phone (logcat "huawei get token:"), and check the app id matches the app\'s agconnect-services.json.', source: CAUSES },
  '80300008': { meaning: 'The message body is larger than 4096 bytes.', action: 'Shorten the text or data.', source: DOC },
  '80300010': { meaning: 'The number of tokens is out of range (1..1000), or a message field is misspelled.', action: 'Send to one token; report a misspelled field as a Push Doctor bug.', source: CAUSES },
  '80300011': { meaning: 'No permission to send high-priority notifications.', action: 'Send NORMAL importance, or apply for the right.', source: DOC },
  '80300013': { meaning: 'The receipt URL is wrong.', action: 'Check the receipt configuration in AppGallery Connect.', source: DOC },
  '80600003': { meaning: 'The OAuth service request failed.', action: 'Check the client id and client secret in the credentials file.', source: DOC },
  '81000001': { meaning: 'Huawei internal error.', action: 'Retry later.', source: DOC, retryable: true },
  'http-401': { meaning: 'Authentication failed (HTTP 401).', action: 'Check the client id and secret.', source: HTTP },
  'http-404': { meaning: 'Wrong URL (HTTP 404).', action: 'Check the base URL and the app id.', source: HTTP },
  'http-500': { meaning: 'Huawei internal error (HTTP 500).', action: 'Retry later.', source: HTTP, retryable: true },
  'http-502': { meaning: 'Network error between Huawei\'s servers (HTTP 502).', action: 'Retry later.', source: HTTP, retryable: true },
  'http-503': { meaning: 'Flow control (HTTP 503).', action: 'Retry later with backoff.', source: HTTP, retryable: true },
};

export const HUAWEI_ERRORS: ErrorTable = { route: 'huawei', docs: DOC, entries };
