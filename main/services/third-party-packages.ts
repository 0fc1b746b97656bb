import type { DeviceRef } from '../../common/domain/device.js';
import { DevicePortError, type DevicePort } from '../adb/device-port.js';
import { parsePmListPackages } from '../probes/packages/pm-list-packages.js';

export const THIRD_PARTY_PACKAGES_COMMAND = 'pm list packages -3';

/**
 * The apps the user installed (`pm list packages -3`), sorted, for the app picker. Read with the audit's own
 * tolerant parser: lines it cannot read are skipped, and a failed command is an error with what it printed,
 * never an empty list that would look like a phone without apps.
 */
export async function listThirdPartyPackages(port: Pick<DevicePort, 'shell'>, ref: DeviceRef): Promise<string[]> {
  const result = await port.shell(ref, THIRD_PARTY_PACKAGES_COMMAND);
  const parsed = parsePmListPackages(result.output);
  if (!parsed.ok) {
    throw new DevicePortError('COMMAND_FAILED', `\`${THIRD_PARTY_PACKAGES_COMMAND}\` on ${ref.serial} gave no package list: ${parsed.reason}`,
      'Type the package name of the app under test instead.');
  }
  return [...parsed.value.packages.keys()].sort((a, b) => a.localeCompare(b));
}
