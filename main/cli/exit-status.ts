import { atLeast } from '../../common/domain/findings.js';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { CliExit, EXIT } from './program.js';

/** A phone the audit could not read at all: never reached (not found, unauthorized, offline) or every probe failed. */
export function notAudited(d: DeviceReport): boolean {
  return !d.probes || d.probes.read.length === 0;
}

/**
 * How an audit ends (../shared/spec/cli.md): 3 when a gate (`--fail-on`) could not see a phone, or when no
 * phone could be audited at all; else 1 when a finding reaches the gate's severity; else 0. A gate that cannot
 * see the phone must not pass.
 */
export function auditOutcome(report: Report, failOn: 'error' | 'warning' | undefined): CliExit | null {
  const unseen = report.devices.filter(notAudited);
  const why = unseen.map((d) => `${d.serial} (${d.errors[0]?.code ?? d.state})`).join(', ');
  if (failOn && unseen.length > 0) {
    return new CliExit(EXIT.notAudited, `Could not audit ${why}: --fail-on ${failOn} cannot pass a phone it could not see. Exit 3.`);
  }
  if (report.devices.length > 0 && unseen.length === report.devices.length) {
    return new CliExit(EXIT.notAudited, `No phone could be audited: ${why}. Exit 3.`);
  }
  if (failOn && report.devices.some((d) => d.findings.some((f) => atLeast(f.severity, failOn)))) {
    return new CliExit(EXIT.failed, `Findings of severity ${failOn} or worse: exit 1.`);
  }
  return null;
}
