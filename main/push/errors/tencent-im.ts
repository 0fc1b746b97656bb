import type { ErrorEntry, ErrorTable } from '../error-table.js';

// Sources, as cited in ../shared/reference/push-apis.md §1.
const ERROR_CODES = 'https://intl.cloud.tencent.com/document/product/269/1671 (IM error codes; push-apis §1.6)';
const ONLINE_STATUS = 'https://cloud.tencent.com/document/product/269/2566 (query_online_status; push-apis §1.3b)';
const SENDMSG = 'https://intl.cloud.tencent.com/document/product/1047/34919 (openim/sendmsg; push-apis §1.2)';
const OPENIM_PRIVATE = 'push-apis §1.6 openim private codes (batchsendmsg / querystate doc text, public source 11350687133)';
const TIMPUSH = 'https://www.tencentcloud.com/document/product/1047/74196 (TIMPush error codes; push-apis §1.6)';
const REST_OVERVIEW = 'https://www.tencentcloud.website/document/product/1047/34620 (REST API overview; push-apis §1.1)';

const regenerate = 'Generate a new admin UserSig from the SDKAppID and its secret key (Push Doctor does this for every run) and check the credentials file.';

const entries: Record<string, ErrorEntry> = {
  '0': { meaning: 'The request succeeded.', action: '', source: SENDMSG, success: true },
  '70001': { meaning: 'The UserSig has expired.', action: `${regenerate} Check the computer clock: a clock far behind makes a fresh UserSig look expired.`, source: ERROR_CODES },
  '70002': { meaning: 'The UserSig is empty.', action: regenerate, source: ERROR_CODES },
  '70003': { meaning: 'The UserSig is invalid (truncated or malformed).', action: `${regenerate} A UserSig copied by hand is often cut short.`, source: ERROR_CODES },
  '70005': { meaning: 'The UserSig is invalid (malformed).', action: regenerate, source: ERROR_CODES },
  '70009': { meaning: 'The UserSig failed verification: it was generated with another SDKAppID\'s key.', action: 'Copy the secret key of this SDKAppID from the IM console (Application → Basic information) into the credentials file.', source: ERROR_CODES },
  '70013': { meaning: 'The identifier in the request is not the UserID inside the UserSig.', action: 'Use the same admin account for the identifier and for the UserSig.', source: ERROR_CODES },
  '70014': { meaning: 'The SDKAppID in the request is not the SDKAppID inside the UserSig.', action: 'Use one SDKAppID for the URL and the UserSig; check the credentials file.', source: ERROR_CODES },
  '70016': { meaning: 'No key (or public key) was found for this SDKAppID.', action: 'Check the SDKAppID and that the app uses key-based UserSig in the IM console.', source: ERROR_CODES },
  '70020': { meaning: 'The SDKAppID was not found (or the request went to another region\'s domain).', action: 'Check the SDKAppID and pick the region the app was created in.', source: ERROR_CODES },
  '70107': { meaning: 'The account (UserID) does not exist.', action: 'Check the UserID the phone logs in with; it must be imported or have logged in once.', source: ONLINE_STATUS },
  '20003': { meaning: 'The recipient UserID is invalid or does not exist.', action: 'Check the UserID the phone logs in with (issue 11 names this code; push-apis.md has no row for it).', source: SENDMSG },
  '60011': { meaning: 'The SDKAppID exceeded its request frequency.', action: 'Wait and retry; sendmsg allows 200 calls a second.', source: ERROR_CODES, retryable: true },
  '60012': { meaning: 'The SDKAppID is missing from the URL.', action: 'Check the credentials file\'s sdkAppId.', source: ERROR_CODES },
  '60013': { meaning: 'The request body could not be parsed as JSON.', action: 'Report this as a Push Doctor bug: it sends JSON.', source: ERROR_CODES },
  '60015': { meaning: 'A UserID has the wrong type (it must be a string).', action: 'Report this as a Push Doctor bug.', source: ERROR_CODES },
  '60016': { meaning: 'The SDKAppID is disabled.', action: 'Check the app\'s state in the IM console.', source: ERROR_CODES },
  '60017': { meaning: 'The request is disabled for this SDKAppID.', action: 'Check the app\'s state in the IM console.', source: ERROR_CODES },
  '60018': { meaning: 'Too many requests.', action: 'Wait and retry.', source: ERROR_CODES, retryable: true },
  '60019': { meaning: 'Too many requests.', action: 'Wait and retry.', source: ERROR_CODES, retryable: true },
  '60020': { meaning: 'The Pro package has expired.', action: 'Renew the IM package in the console.', source: ERROR_CODES },
  '80001': { meaning: 'The text was filtered (sensitive words).', action: 'Send a different test text.', source: ERROR_CODES },
  '80002': { meaning: 'The message packet is larger than 8 KB.', action: 'Shorten the text, Ext or custom data.', source: ERROR_CODES },
  '80003': { meaning: 'The before-send callback failed or timed out, so the message was not sent.', action: 'Check the app backend\'s callback URL, or send with ForbidBeforeSendMsgCallback.', source: ERROR_CODES },
  '80005': { meaning: 'The service is deactivated (package expired or arrears).', action: 'Check billing in the IM console.', source: ERROR_CODES },
  '90001': { meaning: 'The JSON body could not be parsed (or To_Account is an empty array).', action: 'Report this as a Push Doctor bug.', source: OPENIM_PRIVATE },
  '90003': { meaning: 'To_Account has the wrong type.', action: 'Report this as a Push Doctor bug.', source: OPENIM_PRIVATE },
  '90009': { meaning: 'The request needs an App admin, and the identifier is not one.', action: 'Set the credentials\' adminIdentifier to an account listed as App admin in the IM console.', source: OPENIM_PRIVATE },
  '90011': { meaning: 'More than 500 target accounts.', action: 'Send to fewer accounts.', source: OPENIM_PRIVATE },
  '90992': { meaning: 'Backend timeout.', action: 'Retry.', source: OPENIM_PRIVATE, retryable: true },
  '90994': { meaning: 'Internal error.', action: 'Retry.', source: OPENIM_PRIVATE, retryable: true },
  '90995': { meaning: 'Internal error.', action: 'Retry.', source: OPENIM_PRIVATE, retryable: true },
  '91000': { meaning: 'Internal error.', action: 'Retry.', source: OPENIM_PRIVATE, retryable: true },
  '90005': { meaning: 'MsgRandom is missing or not an integer.', action: 'Report this as a Push Doctor bug.', source: TIMPUSH },
  '90018': { meaning: 'Too many accounts in one request.', action: 'Send to fewer accounts.', source: TIMPUSH },
  '90024': { meaning: 'Pushes are less than 1 s apart.', action: 'Wait a second and retry.', source: TIMPUSH, retryable: true },
  '90026': { meaning: 'The offline storage time (MsgLifeTime) is invalid.', action: 'Use 1..604800 seconds.', source: TIMPUSH },
  '90045': { meaning: 'The push feature is not enabled for this app.', action: 'Enable Push in the IM console.', source: TIMPUSH },
  '90047': { meaning: 'The daily push limit (default 100) is exhausted.', action: 'Wait until tomorrow or raise the limit in the console.', source: TIMPUSH },
  'http-502': { meaning: 'The IM REST API answered HTTP 502 (network error; the real result is normally in a 200 body).', action: 'Retry; check the region domain.', source: REST_OVERVIEW, retryable: true },
};

export const TENCENT_IM_ERRORS: ErrorTable = { route: 'tencent-im', docs: ERROR_CODES, entries };
