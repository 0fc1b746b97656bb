import type { ErrorEntry, ErrorTable } from '../error-table.js';

// Sources, as cited in ../shared/reference/push-apis.md §2.
const ERROR_CODE = 'https://firebase.google.com/docs/reference/fcm/rest/v1/ErrorCode (push-apis §2.4)';
const SEND = 'https://firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/send (push-apis §2.1)';
const THIRD_PARTY = 'https://github.com/firebase/firebase-admin-node/pull/3229 (push-apis §2.4)';
// OAuth token-endpoint errors are the standard ones; push-apis §2.2 documents the flow, RFC 6749 the codes.
const OAUTH = 'https://www.rfc-editor.org/rfc/rfc6749#section-5.2 (token endpoint errors; flow in push-apis §2.2)';

const entries: Record<string, ErrorEntry> = {
  SUCCESS: { meaning: 'FCM accepted the message (the response names it).', action: '', source: SEND, success: true },
  INVALID_ARGUMENT: { meaning: 'The request is invalid: usually a token that is not a valid FCM registration token (truncated or extra characters), or a bad field (TTL, reserved data key, size).', action: 'Copy the token again from the phone (logcat "google fcm getToken = …"); the server\'s message names the field.', source: ERROR_CODE },
  UNREGISTERED: { meaning: 'The token is no longer valid: the app was uninstalled or unregistered, or the token was refreshed.', action: 'Get a fresh token from the phone (logcat "google fcm getToken = …" or onNewToken) and make sure the app reports it to IM.', source: ERROR_CODE },
  SENDER_ID_MISMATCH: { meaning: 'The token belongs to another Firebase project than the service account.', action: 'Use the service-account key of the project in the app\'s google-services.json (and upload that key to the IM console).', source: ERROR_CODE },
  QUOTA_EXCEEDED: { meaning: 'A sending rate limit was exceeded (project, device or topic).', action: 'Retry with exponential backoff, starting at one minute or more.', source: ERROR_CODE, retryable: true },
  UNAVAILABLE: { meaning: 'FCM is overloaded.', action: 'Retry with backoff, honouring Retry-After.', source: ERROR_CODE, retryable: true },
  INTERNAL: { meaning: 'FCM had an internal error.', action: 'Retry with backoff.', source: ERROR_CODE, retryable: true },
  THIRD_PARTY_AUTH_ERROR: { meaning: 'The APNs certificate or web-push key is invalid or missing: this concerns iOS or web tokens, not an Android token (the text often misleadingly talks about OAuth).', action: 'Check that the token is an Android token; for iOS, fix the APNs key in the Firebase console.', source: THIRD_PARTY },
  UNAUTHENTICATED: { meaning: 'The OAuth access token is missing, expired or has the wrong scope (inferred from generic Google API behaviour).', action: 'Check the service-account key; Push Doctor fetches a fresh token each run.', source: `${ERROR_CODE}; INFERENCE per push-apis §2.4` },
  'oauth:invalid_grant': { meaning: 'The token endpoint rejected the signed assertion (wrong or revoked key, clock skew, wrong audience).', action: 'Download a fresh service-account key from the Firebase console and check the computer clock.', source: OAUTH },
  'oauth:invalid_client': { meaning: 'The token endpoint does not know the service account.', action: 'Check client_email in the key file; the account may have been deleted.', source: OAUTH },
};

export const FCM_ERRORS: ErrorTable = { route: 'fcm', docs: ERROR_CODE, entries };
