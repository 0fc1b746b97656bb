/**
 * Finds English prose left in a text meant to be Chinese. What may stay English is taken out first: code spans,
 * 「…」 quotes (the phone's own words: an English-only ROM's menus, a probe's raw note), URLs, identifiers
 * (packages, constants, camelCase APIs, anything with a digit, dot or underscore), quoted values ("IM") and the
 * proper names below. What is left must hold no run of `minRun` English words and none of the small words
 * English sentences cannot do without.
 */
export const PROPER_NAMES = [
  'Push Doctor', 'Google Play', 'Google FCM', 'Firebase', 'FCM', 'TUIOfflinePush', 'TUILogin', 'IM', 'REST', 'SDK', 'API',
  'Android', 'AOSP', 'HMS Core', 'HMS', 'Push Kit', 'AppGallery Connect', 'ChannelID', 'App ID', 'Key', 'Token', 'UserSig',
  'Manifest', 'Doze', 'OPPO', 'vivo', 'Xiaomi', 'Huawei', 'Honor', 'Meizu', 'Flyme', 'MIUI', 'HyperOS', 'EMUI', 'HarmonyOS',
  'MagicOS', 'ColorOS', 'OxygenOS', 'OriginOS', 'Funtouch OS', 'One UI', 'OnePlus', 'realme', 'Samsung', 'Pixel', 'Redmi',
  'adb', 'USB', 'FAQ', 'DND', 'desc', 'Chromium', 'PDF', 'HTML', 'CSV', 'JSON', 'Linux', 'udev', 'PATH', 'Wi-Fi', 'SHA-256',
  'Platform-Tools', 'Android SDK', 'Debian', 'Ubuntu', 'Open Platform', 'OPUSH', 'Developer Services', 'Cloud Messaging',
  'MiPush', 'console', 'message classification', 'success', 'versionCode', 'PushOnline', 'GMT', 'UTC',
];

const SMALL_WORDS = /\b(the|is|are|and|or|to|of|not|for|with|on|in|it|its|this|that|be|was|no|can|cannot|has|have|from)\b/i;

export interface EnglishLeft { run: string; text: string }

export function stripAllowed(text: string): string {
  let t = text
    .replace(/`[^`]*`/g, ' ')
    .replace(/「[^」]*」/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/"[^"]{0,60}"/g, ' ')
    .replace(/\{[A-Za-z0-9_]+\}/g, ' ');
  for (const name of [...PROPER_NAMES].sort((a, b) => b.length - a.length)) {
    t = t.replace(new RegExp(`(?<![A-Za-z])${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![A-Za-z])`, 'g'), ' ');
  }
  // Identifiers: anything with a digit, dot, underscore, slash or inner capital (com.example.im, RUN_ANY_IN_BACKGROUND, setOfflinePushToken).
  t = t.replace(/[A-Za-z0-9]*[0-9._/][A-Za-z0-9._/:-]*|[a-z]+[A-Z][A-Za-z]*|\b[A-Z]{2,}\b/g, ' ');
  return t;
}

/** English runs left after the allowed words are taken out; empty when the text reads as Chinese. */
export function englishLeft(text: string, minRun = 3): EnglishLeft[] {
  const rest = stripAllowed(text);
  const out: EnglishLeft[] = [];
  const runs = rest.match(/[A-Za-z][A-Za-z'-]*(?:[ ,;:()-]+[A-Za-z][A-Za-z'-]*)*/g) ?? [];
  for (const run of runs) {
    const words = run.split(/[^A-Za-z'-]+/).filter((w) => w.length > 1);
    if (words.length >= minRun || SMALL_WORDS.test(run)) out.push({ run, text });
  }
  return out;
}
