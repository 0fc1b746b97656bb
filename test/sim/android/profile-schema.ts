import { z } from 'zod';
import type { PhoneState, ProfileManifest } from './profile.js';

/**
 * Zod schemas for a profile folder (see profile.ts). The profiles are hand-built from public
 * captures, so a typo in state.json must fail loudly at load time, not as a strange dump later.
 */

const packageName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)+$/, 'not a Java package name');

export const manifestSchema = z.object({
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
  description: z.string().min(1),
  banner: z.object({ product: z.string(), model: z.string(), device: z.string() }),
  features: z.array(z.string()).optional(),
  auth: z.union([
    z.object({ mode: z.literal('none') }),
    z.object({ mode: z.literal('never') }),
    z.object({ mode: z.literal('delayed'), acceptAfterMs: z.number().int().nonnegative() }),
  ]),
  trouble: z.array(z.string()),
  sources: z.array(z.object({ what: z.string(), url: z.string() })),
  writtenFromAosp: z.array(z.string()),
}) satisfies z.ZodType<ProfileManifest>;

const appOpMode = z.enum(['allow', 'ignore', 'deny', 'default', 'foreground']);

const channelSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  importance: z.number().int().min(-1000).max(5),
  sound: z.string().nullable(),
  vibration: z.boolean(),
  lights: z.boolean().optional(),
  lockscreenVisibility: z.number().int(),
  showBadge: z.boolean(),
  bypassDnd: z.boolean(),
  group: z.string().nullable().optional(),
  userLockedFields: z.number().int().nonnegative().optional(),
});

const packageSchema = z.object({
  name: packageName,
  uid: z.number().int().nonnegative(),
  versionName: z.string(),
  versionCode: z.number().int().nonnegative(),
  targetSdk: z.number().int().min(1),
  minSdk: z.number().int().min(1).optional(),
  system: z.boolean(),
  codePath: z.string().startsWith('/'),
  enabled: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  installed: z.boolean(),
  stopped: z.boolean(),
  hidden: z.boolean().optional(),
  firstInstallTime: z.string(),
  lastUpdateTime: z.string(),
  runtimePermissions: z.record(z.string(), z.boolean()),
  installPermissions: z.array(z.string()),
  appops: z.record(z.string(), appOpMode),
  standbyBucket: z.number().int(),
  hibernated: z.boolean().optional(),
  activities: z
    .array(
      z.object({
        name: z.string(),
        actions: z.array(z.string()),
        categories: z.array(z.string()).optional(),
        schemes: z.array(z.string()).optional(),
        hosts: z.array(z.string()).optional(),
        exported: z.boolean().optional(),
      }),
    )
    .optional(),
  notifications: z
    .object({
      enabled: z.boolean(),
      importance: z.number().int(),
      showBadge: z.boolean(),
      channels: z.array(channelSchema),
      groups: z.array(z.object({ id: z.string(), name: z.string(), blocked: z.boolean().optional() })).optional(),
    })
    .optional(),
  pushBehaviour: z
    .object({
      channel: z.string(),
      businessId: z.number().int(),
      tokenResult: z.union([z.literal('success'), z.object({ errorCode: z.number().int(), desc: z.string() })]),
    })
    .optional(),
  installerPackageName: z.string().nullable().optional(),
});

const postedSchema = z.object({
  pkg: packageName,
  id: z.number().int(),
  tag: z.string().nullable(),
  channelId: z.string(),
  title: z.string(),
  text: z.string(),
  postTime: z.number(),
  userId: z.number().int(),
});

export const phoneStateSchema = z
  .object({
    packages: z.array(packageSchema),
    settings: z.object({
      global: z.record(z.string(), z.string()),
      secure: z.record(z.string(), z.string()),
      system: z.record(z.string(), z.string()),
    }),
    deviceidle: z.object({ systemExceptIdle: z.array(z.string()), system: z.array(z.string()), user: z.array(z.string()) }),
    netpolicy: z.object({
      restrictBackground: z.boolean(),
      restrictBackgroundWhitelistUids: z.array(z.number().int()),
      restrictBackgroundBlacklistUids: z.array(z.number().int()).optional(),
    }),
    zen: z
      .object({
        allowCalls: z.boolean().optional(),
        allowMessages: z.boolean().optional(),
        allowAlarms: z.boolean().optional(),
        priorityPackages: z.array(z.string()).optional(),
      })
      .optional(),
    ringerMode: z.number().int().min(0).max(2),
    logcat: z.array(z.string()),
    logcatBuffers: z
      .object({ events: z.array(z.string()).optional(), system: z.array(z.string()).optional(), crash: z.array(z.string()).optional() })
      .optional(),
    posted: z.array(postedSchema),
  })
  .superRefine((state, ctx) => {
    const seen = new Set<string>();
    for (const [index, pkg] of state.packages.entries()) {
      if (seen.has(pkg.name)) ctx.addIssue({ code: 'custom', path: ['packages', index, 'name'], message: `duplicate package ${pkg.name}` });
      seen.add(pkg.name);
    }
  }) satisfies z.ZodType<PhoneState>;

/**
 * Reads `getprop` text as phones print it: `[key]: [value]` lines, where a value may run over
 * several lines (Honor's persist.sys.boot.reason.history) and some vivo builds leave spaces after
 * the closing bracket. Never throws; lines that fit nowhere come back as `stray`.
 */
export function readGetprop(text: string): { props: Map<string, string>; stray: { line: number; text: string }[] } {
  const props = new Map<string, string>();
  const stray: { line: number; text: string }[] = [];
  const rows = text.replace(/^\uFEFF/, '').replace(/\r/g, '').split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const start = /^\[([^\]]+)\]: \[(.*)$/.exec(row);
    if (!start) {
      if (row.trim() !== '') stray.push({ line: i + 1, text: row });
      continue;
    }
    let value = start[2]!;
    let j = i;
    while (!/\] *$/.test(value) && j + 1 < rows.length) value += '\n' + rows[++j];
    const closed = /^([\s\S]*)\] *$/.exec(value);
    if (!closed) {
      stray.push({ line: i + 1, text: row });
      continue;
    }
    props.set(start[1]!, closed[1]!);
    i = j;
  }
  return { props, stray };
}

export interface ProfileProblem {
  file: string;
  message: string;
}

/** Checks getprop.txt text: every line belongs to a `[key]: [value]` entry, and the SDK level is there. */
export function checkGetprop(text: string): ProfileProblem[] {
  const { props, stray } = readGetprop(text);
  const problems = stray.map((s) => ({ file: 'getprop.txt', message: `line ${s.line} is not "[key]: [value]": ${s.text.slice(0, 80)}` }));
  if (!/^\d+$/.test(props.get('ro.build.version.sdk') ?? '')) problems.push({ file: 'getprop.txt', message: 'no numeric [ro.build.version.sdk]' });
  return problems;
}

export function formatZodProblems(file: string, error: z.ZodError): ProfileProblem[] {
  return error.issues.map((issue) => ({ file, message: `${issue.path.join('.') || '(root)'}: ${issue.message}` }));
}
