import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { captureManifestSchema } from '../capture/capture-format.js';
import { captureToFiles } from '../capture/capture-io.js';
import { buildDeviceReport, buildReport } from './build-report.js';
import { ReportSchema } from './report-schema.js';

const REF = { server: '127.0.0.1:5037', serial: '0123456789ABCDEF', transportId: 3 };

describe('the device reference in reports and captures', () => {
  it('is in devices[].ref of a live report, and the report schema accepts it', () => {
    const device = buildDeviceReport({ serial: REF.serial, ref: { ...REF, state: 'device' } as typeof REF, state: 'device', facts: null, findings: [] });
    // Only the reference's own fields, even when given a whole listed device.
    expect(device.ref).toEqual(REF);
    const report = buildReport({ source: 'live', app: null, devices: [device], now: new Date('2026-01-02T03:04:05Z'), version: '0.0.0' });
    expect(ReportSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });

  it('is refused by the schema when its transport id is not a number', () => {
    const device = buildDeviceReport({ serial: REF.serial, state: 'device', facts: null, findings: [] });
    const report = buildReport({ source: 'live', app: null, devices: [{ ...device, ref: { ...REF, transportId: '3' as unknown as number } }], now: new Date(), version: '0.0.0' });
    expect(ReportSchema.safeParse(report).success).toBe(false);
  });

  it('is in a capture manifest, which still reads as a capture', () => {
    const files = captureToFiles({ serial: REF.serial, ref: REF, app: null, capturedAt: '2026-01-02T03:04:05.000Z' }, [
      { command: 'getprop', text: '[ro.product.model]: [X]\n', exitCode: 0 },
    ]);
    const manifest = captureManifestSchema.parse(JSON.parse(strFromU8(files.get('capture.json')!)));
    expect(manifest.ref).toEqual(REF);
  });
});
