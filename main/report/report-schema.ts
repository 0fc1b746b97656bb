import { z } from 'zod';
import { PUSH_CHANNELS, ROM_NAMES } from '../../common/domain/facts.js';
import { SEVERITIES, type Msg } from '../../common/domain/findings.js';
import { LOCALES } from '../../common/i18n/locale.js';
import { DEVICE_STATES, ERROR_CODES, REPORT_SCHEMA, type Report } from '../../common/domain/report.js';

/**
 * The JSON report contract (../shared/spec/report.md) as a zod schema, for validating reports we write and
 * reports other tools hand us. Unknown fields pass (the contract lets anyone add fields, never rename them);
 * use it to validate, not to copy a report, since the parsed value leaves added fields out.
 */
const vendor = z.enum(PUSH_CHANNELS).exclude(['none']);
const int = z.number().int();

export const EvidenceSchema = z.object({ command: z.string(), excerpt: z.string() });

/** A message id and its parameters (common/domain/findings.ts Msg): parameters nest, so the schema is lazy. */
export const MsgSchema: z.ZodType<Msg> = z.lazy(() => z.object({
  key: z.string().min(1).max(200),
  params: z.record(z.string(), z.union([
    z.string(), z.number(), MsgSchema,
    z.object({ setting: z.string(), rom: z.enum(ROM_NAMES).nullable(), app: z.string().nullable() }),
  ])).optional(),
  fallback: z.string().optional(),
}));

export const FindingSchema = z.object({
  id: z.string().min(1),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  detail: z.string(),
  evidence: z.array(EvidenceSchema),
  remedy: z.string(),
  faq: z.string(),
  message: z.object({ title: MsgSchema, detail: MsgSchema, remedy: MsgSchema.optional() }).optional(),
  fixId: z.string().optional(),
});

const ChannelSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  importance: int.nullable(),
  blocked: z.boolean().nullable(),
  sound: z.string().nullable(),
  vibration: z.boolean().nullable(),
  lockscreenVisibility: int.nullable(),
  showBadge: z.boolean().nullable(),
  bypassDnd: z.boolean().nullable(),
  group: z.string().nullable(),
});

const AppSchema = z.object({
  package: z.string(),
  installed: z.boolean().nullable(),
  enabled: z.boolean().nullable(),
  versionName: z.string().nullable(),
  versionCode: int.nullable(),
  targetSdk: int.nullable(),
  stopped: z.boolean().nullable(),
  notificationImportance: int.nullable().optional(),
  notificationsEnabled: z.boolean().nullable(),
  postNotificationsGranted: z.boolean().nullable(),
  standbyBucket: int.nullable(),
  batteryOptimizationExempt: z.boolean().nullable(),
  backgroundRestricted: z.boolean().nullable(),
  dataSaverExempt: z.boolean().nullable(),
  hibernated: z.boolean().nullable(),
  autostartAllowed: z.boolean().nullable(),
  channels: z.array(ChannelSchema).nullable(),
});

export const DeviceFactsSchema = z.object({
  fingerprint: z.string().nullable().optional(),
  manufacturer: z.string().nullable(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  marketName: z.string().nullable().optional(),
  device: z.string().nullable(),
  android: z.object({ release: z.string(), sdk: int }).nullable(),
  rom: z.object({ name: z.enum(ROM_NAMES), version: z.string().nullable() }).nullable(),
  pushChannel: z.enum(PUSH_CHANNELS).nullable(),
  pushServices: z.array(z.object({
    vendor,
    package: z.string(),
    installed: z.boolean().nullable(),
    enabled: z.boolean().nullable(),
    versionName: z.string().nullable(),
    versionCode: int.nullable(),
  })),
  gms: z.object({ installed: z.boolean().nullable(), enabled: z.boolean().nullable(), versionName: z.string().nullable() }).nullable(),
  system: z.object({
    zenMode: int.nullable(),
    lockScreenShowNotifications: z.boolean().nullable(),
    lockScreenShowPrivate: z.boolean().nullable(),
    dataSaver: z.boolean().nullable(),
    batterySaver: z.boolean().nullable(),
    ringerMode: int.nullable(),
  }),
  app: AppSchema.nullable(),
  pushLog: z.object({
    tokenReceived: z.boolean().nullable(),
    tokenReported: z.boolean().nullable(),
    businessId: z.string().nullable(),
    lastError: z.string().nullable(),
    fcmCancelledForStoppedApp: z.boolean().nullable(),
  }).nullable(),
});

export const PushTestResultSchema = z.object({
  route: z.string(),
  sentAt: z.iso.datetime({ offset: true }),
  accepted: z.boolean(),
  response: z.object({ code: z.string(), meaning: z.string() }),
  postedAt: z.iso.datetime({ offset: true }).nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  displayed: z.boolean().nullable(),
  condition: z.string().optional(),
  acceptedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  channelId: z.string().nullable().optional(),
  importance: z.number().int().nullable().optional(),
  displayedReason: z.string().nullable().optional(),
  notDeliveredReason: z.string().nullable().optional(),
  clickedActivity: z.string().nullable().optional(),
});

/** ../shared/spec/report.md additions: `devices[].ref`, the device reference. */
export const DeviceRefSchema = z.object({
  server: z.string().min(1),
  serial: z.string().min(1),
  transportId: z.number().int().nonnegative().optional(),
}).strict();

export const DeviceReportSchema = z.object({
  serial: z.string().min(1),
  ref: DeviceRefSchema.optional(),
  state: z.enum(DEVICE_STATES),
  facts: DeviceFactsSchema,
  findings: z.array(FindingSchema),
  pushTests: z.array(PushTestResultSchema),
  errors: z.array(z.object({
    code: z.enum(ERROR_CODES), message: z.string(), during: z.string().optional(),
    text: z.object({ message: MsgSchema, hint: MsgSchema.optional() }).optional(),
  })),
  probes: z.object({ read: z.array(z.string()), missing: z.array(z.string()) }).optional(),
  fixes: z.array(z.object({
    finding: z.string(), fix: z.string(), command: z.string(), at: z.iso.datetime({ offset: true }), ok: z.boolean(),
    after: z.string().optional(),
  })).optional(),
  changes: z.array(z.union([
    z.object({ path: z.string(), before: z.unknown(), after: z.unknown() }),
    z.object({ finding: z.string(), before: z.string().nullable(), after: z.string().nullable() }),
  ])).optional(),
  previousAuditAt: z.iso.datetime({ offset: true }).optional(),
  answers: z.array(z.object({
    finding: z.string(), answer: z.enum(['yes', 'no', 'unsure']), note: z.string().optional(), at: z.iso.datetime({ offset: true }),
  })).optional(),
});

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  generatedAt: z.iso.datetime({ offset: true }),
  tool: z.object({ name: z.literal('push-doctor'), version: z.string() }),
  source: z.enum(['live', 'capture', 'bugreport', 'apk']),
  app: z.string().optional(),
  lang: z.enum(LOCALES).optional(),
  devices: z.array(DeviceReportSchema),
});

/** Keeps the schema and the TypeScript contract from drifting: every Report must fit the schema's type. */
export const reportFitsSchema = (r: Report): z.infer<typeof ReportSchema> => r;
