import type { AndroidVersion, RomFact } from '../../../common/domain/facts.js';
import { MARKET_NAME_PROPS } from '../../../common/vendors/vendor-table.js';
import { bugreportOutput, type ProbeModule } from '../probe-module.js';
import { outputProblem, run, type OutputIndex, type SheetBuilder } from '../read-kit.js';
import { androidVersion, detectRom, marketName, productProp, type Props } from './device-props.js';
import { firstProp, parseGetprop } from './getprop.js';

/** Maker, model, Android version and ROM, from `getprop`. */

function readProps(out: OutputIndex): { props: Props; command: string; truncated: boolean } | { reason: string } {
  const getprop = out.find((d) => d.kind === 'getprop');
  const problem = outputProblem(getprop, 'getprop');
  if (problem || !getprop) return { reason: problem ?? 'getprop missing' };
  const parsed = run(getprop, parseGetprop);
  if (!parsed.ok) return { reason: parsed.reason };
  return { props: parsed.value.props, command: getprop.command, truncated: parsed.value.truncated };
}

/** The Android version and ROM other areas need for applicability, read from the outputs alone. */
export function deviceBasis(out: OutputIndex): { android: AndroidVersion | null; rom: RomFact | null } {
  const r = readProps(out);
  if ('reason' in r) return { android: null, rom: null };
  const brand = productProp(r.props, 'brand')?.value ?? null;
  const manufacturer = productProp(r.props, 'manufacturer')?.value ?? null;
  return { android: androidVersion(r.props)?.version ?? null, rom: detectRom(r.props, brand, manufacturer).rom };
}

export type PropsCommand = { kind: 'getprop' };

export const propsModule: ProbeModule<PropsCommand> = {
  dispatch: (c) => (c === 'getprop' ? { kind: 'getprop' } : null),
  area: 'props',
  probes: () => [{ id: 'getprop', command: 'getprop', purpose: 'maker, model, Android and ROM version' }],
  fromBugreport(sections) {
    const props = sections.command('SYSTEM PROPERTIES');
    return props === null ? [] : [bugreportOutput('getprop', props)];
  },
  read({ out }, sheet: SheetBuilder) {
    const identity = ['fingerprint', 'manufacturer', 'brand', 'model', 'marketName', 'device', 'android', 'rom'] as const;
    const r = readProps(out);
    if ('reason' in r) {
      for (const p of identity) sheet.why(p, r.reason);
      return;
    }
    const { props, command } = r;
    const truncatedNote = r.truncated ? ' (getprop output was cut short)' : '';
    for (const field of ['manufacturer', 'brand', 'model', 'device'] as const) {
      const v = productProp(props, field);
      if (v && v.value !== '') {
        sheet.facts[field] = v.value;
        sheet.cite(field, command, v.line);
      } else {
        sheet.why(field, `ro.product.${field} not in getprop output${truncatedNote}`);
      }
    }
    const market = marketName(props);
    sheet.facts.marketName = market?.value ?? null;
    if (market) sheet.cite('marketName', command, market.line);
    else sheet.why('marketName', `no marketing-name property (${MARKET_NAME_PROPS.join(', ')}) in getprop output${truncatedNote}`);
    // The build the phone runs: history recognises a phone reached over the network (whose port changes) by it.
    const fingerprint = firstProp(props, ['ro.build.fingerprint', 'ro.system.build.fingerprint', 'ro.vendor.build.fingerprint']);
    if (fingerprint) {
      sheet.facts.fingerprint = fingerprint.value;
      sheet.cite('fingerprint', command, fingerprint.line);
    } else {
      sheet.facts.fingerprint = null;
      sheet.why('fingerprint', `ro.build.fingerprint not in getprop output${truncatedNote}`);
    }
    const android = androidVersion(props);
    if (android) {
      sheet.facts.android = android.version;
      sheet.cite('android', command, ...android.lines);
    } else {
      sheet.why('android', `ro.build.version.release/sdk not in getprop output${truncatedNote}`);
    }
    const rom = detectRom(props, sheet.facts.brand, sheet.facts.manufacturer);
    sheet.facts.rom = rom.rom;
    sheet.cite('rom', command, ...rom.lines);
  },
};
