import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { DeviceReport, Report } from '../../common/domain/report.js';
import { writeFileAtomic } from '../util/output-target.js';
import { deviceChanges } from './device-changes.js';

/**
 * Every audit is kept, one file per phone per audit, so a phone's previous audit is one directory read away
 * and a lab of hundreds of phones never rewrites one big file. Writes are atomic (the CLI's one atomic writer:
 * temp file in the same folder, fsync, link or rename, fsync of the folder): a process killed mid-write leaves
 * the previous history readable and at worst a stale temp file, which readers skip and the next write removes.
 */
export interface HistoryOptions {
  dir: string;
  /** Audits kept per phone; older ones are removed after each write. */
  keepPerDevice?: number;
}

export interface HistoryEntry {
  auditedAt: string;
  app: string | null;
  device: DeviceReport;
}

const DEFAULT_KEEP = 50;
/** The atomic writer's temp files are hidden files in the same folder: skipped by readers, removed by the next write. */
const isTemp = (name: string): boolean => name.startsWith('.');

/**
 * Who the phone is across audits: its adb server and serial, and for a phone reached over the network
 * (serial "host:port", whose port changes at every `adb connect`) the host and its build fingerprint instead.
 * The app under test is part of the key: an audit of another app is not this one's previous audit.
 */
export function deviceIdentity(d: DeviceReport, app: string | null): string {
  const server = d.ref?.server ?? '';
  const serial = d.ref?.serial ?? d.serial;
  const network = /^(\[[0-9a-f:]+\]|[\w.-]+):\d+$/i.exec(serial);
  const who = network && d.facts.fingerprint ? `net|${network[1]}|${d.facts.fingerprint}|${d.facts.model ?? ''}` : `usb|${serial}`;
  return createHash('sha256').update(`${server}\n${who}\n${app ?? ''}`).digest('hex').slice(0, 24);
}

export class HistoryStore {
  private readonly keep: number;

  constructor(private readonly options: HistoryOptions) {
    this.keep = Math.max(1, options.keepPerDevice ?? DEFAULT_KEEP);
  }

  /** Saves each readable phone of the report; phones that could not be read leave no entry to compare against. */
  async save(report: Report): Promise<void> {
    for (const device of report.devices) {
      if (device.state !== 'device') continue;
      const folder = this.folderOf(device, report.app ?? null);
      await mkdir(folder, { recursive: true });
      const entry: HistoryEntry = { auditedAt: report.generatedAt, app: report.app ?? null, device: withoutChanges(device) };
      const name = `${report.generatedAt.replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.json`;
      await writeFileAtomic(path.join(folder, name), `${JSON.stringify(entry)}\n`, { force: false });
      await this.prune(folder);
    }
  }

  /** The phone's most recent saved audit before `before` (ISO time), or null. Unreadable files are skipped. */
  async previous(device: DeviceReport, app: string | null, before?: string): Promise<HistoryEntry | null> {
    const folder = this.folderOf(device, app);
    for (const name of (await entries(folder)).reverse()) {
      const entry = await readEntry(path.join(folder, name));
      if (entry && (before === undefined || entry.auditedAt < before)) return entry;
    }
    return null;
  }

  /** The report with each phone's changes since its previous audit (`--since-last`), before saving it. */
  async withChanges(report: Report): Promise<Report> {
    const devices = await Promise.all(report.devices.map(async (d) => {
      if (d.state !== 'device') return d;
      const prev = await this.previous(d, report.app ?? null, report.generatedAt);
      if (!prev) return { ...d, changes: [] };
      return { ...d, changes: deviceChanges(prev.device, d), previousAuditAt: prev.auditedAt };
    }));
    return { ...report, devices };
  }

  private folderOf(device: DeviceReport, app: string | null): string {
    return path.join(this.options.dir, 'devices', deviceIdentity(device, app));
  }

  private async prune(folder: string): Promise<void> {
    const names = await readdir(folder);
    for (const stale of names.filter(isTemp)) await rm(path.join(folder, stale), { force: true });
    const kept = names.filter((n) => n.endsWith('.json') && !isTemp(n)).sort();
    for (const old of kept.slice(0, Math.max(0, kept.length - this.keep))) await rm(path.join(folder, old), { force: true });
  }
}

function withoutChanges(d: DeviceReport): DeviceReport {
  const { changes: _c, previousAuditAt: _p, ...rest } = d;
  return rest;
}

async function entries(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((n) => n.endsWith('.json') && !isTemp(n)).sort();
  } catch {
    return [];
  }
}

async function readEntry(file: string): Promise<HistoryEntry | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<HistoryEntry>;
    if (typeof parsed.auditedAt !== 'string' || !parsed.device || typeof parsed.device !== 'object') return null;
    return parsed as HistoryEntry;
  } catch {
    return null;
  }
}
