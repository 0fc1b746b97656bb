import { z } from 'zod';
import { isSafePackageName } from '../adb/shell-safety.js';
import { shown } from '../util/shown.js';

/** ../shared/spec/capture.md: the manifest of a capture folder or zip. */
export const CAPTURE_SCHEMA = 'push-doctor/capture@1';
export const CAPTURE_MANIFEST = 'capture.json';

export const captureCommandSchema = z.object({
  command: z.string().min(1),
  file: z.string().min(1).optional(),
  exitCode: z.number().int().nullable().optional(),
  durationMs: z.number().nonnegative().optional(),
  /** Why the output is missing or partial (e.g. the phone went away); added field. */
  error: z.string().optional(),
});

/** The APK inspection's facts, stored beside the outputs (capture.md: `{ "kind": "apk-facts", "file": "apk.json" }`). */
export const captureApkFactsSchema = z.object({
  kind: z.literal('apk-facts'),
  file: z.string().min(1),
});

export const captureManifestSchema = z.object({
  schema: z.literal(CAPTURE_SCHEMA),
  capturedAt: z.iso.datetime({ offset: true, error: (issue) => `not an ISO 8601 date and time (e.g. 2026-11-25T10:00:00.000Z): ${shown(String(issue.input))}` }),
  serial: z.string().min(1).max(256),
  /** The phone's device reference at capture time (server, serial, transport id); added field. */
  ref: z.object({ server: z.string(), serial: z.string(), transportId: z.number().int().nonnegative().optional() }).strict().optional(),
  app: z.string()
    .refine(isSafePackageName, { error: (issue) => `${shown(String(issue.input))} is not an Android package name (e.g. com.example.im); pass --app to name the app` })
    .nullable().optional(),
  /** The notification click target the capture was taken with (`capture --click`); added field. */
  clickTarget: z.string().min(1).max(2048).optional(),
  commands: z.array(z.union([captureCommandSchema, captureApkFactsSchema])),
});

export type CaptureCommand = z.infer<typeof captureCommandSchema>;
export type CaptureApkFacts = z.infer<typeof captureApkFactsSchema>;

export function isApkFactsEntry(entry: CaptureManifest['commands'][number]): entry is CaptureApkFacts {
  return 'kind' in entry && entry.kind === 'apk-facts';
}
export type CaptureManifest = z.infer<typeof captureManifestSchema>;

/** A safe, readable file name for a command's output: `dumpsys package com.x` → `dumpsys-package-com.x.txt`. */
export function fileNameFor(command: string, taken: ReadonlySet<string>): string {
  const base = command.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100) || 'output';
  let name = `${base}.txt`;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}.txt`;
  return name;
}
