import type { DeviceState } from './report.js';

/**
 * What to do about each state a phone can be in and each way reading it can fail: one wording, used by the device
 * port's errors (CLI, reports) and by the workstation's sidebar alike.
 */
export const HINTS = {
  unauthorized: 'Accept the USB debugging prompt on the phone: unlock it and accept "Allow USB debugging?", ticking "Always allow from this computer".',
  offline: 'Unplug and re-plug the phone, or run `adb reconnect`; if it stays offline, toggle USB debugging off and on.',
  noPermissions:
    'Linux cannot open the USB device: add a udev rule, e.g. /etc/udev/rules.d/51-android.rules with ' +
    '`SUBSYSTEM=="usb", ATTR{idVendor}=="<vendor id>", MODE="0660", GROUP="plugdev"`, add yourself to the ' +
    'plugdev group, run `sudo udevadm control --reload-rules`, then re-plug the phone (Debian/Ubuntu: install android-sdk-platform-tools-common).',
  notFound: 'Check the cable and that USB debugging is on; `adb devices` should list the phone.',
  gone: 'The phone disconnected. Re-plug it (or reconnect Wi-Fi debugging) and run again.',
  truncated: 'The output stopped early while the phone stayed connected; run again.',
  timeout: 'The phone did not answer in time; it may be busy or the connection is unstable. Run again.',
} as const;

/** What to do about a phone in each state that is not ready. */
export const STATE_HINTS: Readonly<Record<Exclude<DeviceState, 'device'>, string>> = {
  unauthorized: HINTS.unauthorized,
  offline: HINTS.offline,
  'no-permissions': HINTS.noPermissions,
  gone: HINTS.gone,
};
