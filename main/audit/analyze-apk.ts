import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CHECKLIST } from '../../common/checklist/checklist.js';
import { withoutSecrets } from '../../common/domain/apk.js';
import type { Vendor } from '../../common/domain/facts.js';
import type { DeviceReport } from '../../common/domain/report.js';
import { VENDORS } from '../../common/vendors/vendor-table.js';
import { inspectApk } from '../apk/inspect-apk.js';
import { openZip } from '../apk/zip-reader.js';
import { diagnose } from '../diagnosis/diagnose.js';
import type { ApkInput } from '../probes/apk/apk-module.js';
import { buildDeviceReport } from '../report/build-report.js';
import { sheetFromOutputs } from './diagnose-outputs.js';

/**
 * `analyze app-release.apk`: the build checked with no phone, against every push channel, so an app team can
 * run it in CI before a release. One report entry per channel (serial `channel:<vendor>`), each holding the
 * section-2 findings as that channel's phones would see them; the steps that need a phone are left out.
 */

const BUILD_STEPS = new Set(CHECKLIST.filter((e) => e.section === 2).map((e) => e.id));

/** An APK file's facts, or why it could not be read. */
export async function apkInputFromFile(file: string): Promise<ApkInput> {
  const origin = { command: 'APK file', excerpt: path.basename(file) };
  const inspected = await inspectApk(file);
  return inspected.ok
    ? { facts: withoutSecrets(inspected.value), reason: null, origin }
    : { facts: null, reason: `${path.basename(file)} is not a readable APK: ${inspected.reason}`, origin };
}

/** A zip whose root holds AndroidManifest.xml and no capture.json is an APK (or an APK-like archive). */
export async function looksLikeApk(file: string): Promise<boolean> {
  // Only a regular file is opened: a named pipe would block the read (load-source refuses those with a message).
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return false;
  try {
    const zip = await openZip(file);
    try {
      return zip.entries.has('AndroidManifest.xml') && !zip.entries.has('capture.json');
    } finally {
      await zip.close();
    }
  } catch {
    return false;
  }
}

export function channelsOfBuild(): Vendor[] {
  return Object.keys(VENDORS) as Vendor[];
}

/** The build's findings for each channel. `app` defaults to the manifest's package. */
export function analyzeBuild(apk: ApkInput, options: { app?: string | null; clickTarget?: string | null; channels?: readonly Vendor[] } = {}): DeviceReport[] {
  const app = options.app ?? apk.facts?.manifest.package ?? null;
  return (options.channels ?? channelsOfBuild()).map((channel) => {
    // No phone: app facts stay null, so only the build's own steps can answer.
    const sheet = sheetFromOutputs([], null, { apk, clickTarget: options.clickTarget ?? null });
    sheet.facts.pushChannel = channel;
    delete sheet.unknown.pushChannel;
    sheet.evidence.pushChannel = [{ command: 'analyze', excerpt: `checked as a phone on the ${VENDORS[channel].displayName} channel would see it` }];
    const diagnosis = diagnose(sheet, { app });
    return buildDeviceReport({
      serial: `channel:${channel}`,
      state: 'device',
      facts: diagnosis.sheet.facts,
      findings: diagnosis.findings.filter((f) => BUILD_STEPS.has(f.id)),
      errors: apk.facts ? [] : [{ code: 'INVALID_INPUT', message: apk.reason ?? 'the APK could not be read' }],
      // What was read is the APK, not a phone's commands.
      probes: apk.facts ? { read: ['apk'], missing: [] } : { read: [], missing: ['apk'] },
    });
  });
}
