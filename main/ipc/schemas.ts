import { z } from 'zod';
import { isSafePackageName, isSafeSerial } from '../adb/shell-safety.js';
import type { ArgsOf, InvokeChannel } from '../../common/ipc/contract.js';
import { isAllowedExternalUrl } from '../app/external-links.js';
import { EXPORT_FORMATS } from '../../common/ipc/contract.js';
import { FIX_IDS } from '../../common/fixes/fix-catalog.js';
import { LOCALES } from '../../common/i18n/locale.js';
import { PUSH_CONDITIONS, PUSH_ROUTE_CHOICES, ROUTE_IDS } from '../../common/push/route-ids.js';
import { pushBaseUrlSchema } from '../app/settings-store.js';

// The same rules the adb layer applies before anything reaches `adb shell`, checked here first so a
// bad payload is refused at the IPC boundary with INVALID_INPUT.
export const serialSchema = z.string().refine(isSafeSerial, 'not an adb serial');
export const packageSchema = z.string().refine(isSafePackageName, 'not an Android package name');

const noArgs = z.undefined();

/** A DeviceRef as the device list gave it: server "host:port" or "[v6]:port", a safe serial, adb's transport id. */
export const deviceRefSchema = z.object({
  server: z.string().max(300).regex(/^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'not an adb server address'),
  serial: serialSchema,
  transportId: z.number().int().nonnegative().max(2 ** 53).optional(),
}).strict();

/** A checklist id (../shared/spec/checklist.md): lower-case words joined by dashes. */
export const findingIdSchema = z.string().max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a checklist id');

/** An adb server the settings may name: "host:port" as `--adb` takes it, never a URL or a path. */
export const adbServerSchema = deviceRefSchema.shape.server;

const fixRequestSchema = z.object({
  ref: deviceRefSchema,
  app: packageSchema.optional(),
  finding: findingIdSchema,
  fix: z.enum(FIX_IDS),
}).strict();

const routeSchema = z.enum(ROUTE_IDS);

/** Text that goes into a notification: printable, bounded (it is quoted into `cmd notification post` by shellQuote). */
const pushText = (max: number) => z.string().min(1).max(max).refine((v) => ![...v].some((c) => { const n = c.codePointAt(0)!; return (n < 0x20 && n !== 0x0a) || n === 0x7f; }), 'contains control characters');
/** An Android notification channel id as apps name them. */
const channelIdSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/, 'not a notification channel id');

const pushMessageShape = {
  ref: deviceRefSchema,
  app: packageSchema,
  route: z.enum(PUSH_ROUTE_CHOICES),
  title: pushText(200).optional(),
  desc: pushText(1000).optional(),
  channelId: channelIdSchema.optional(),
  priority: z.enum(['high', 'normal']).optional(),
  data: z.boolean().optional(),
};

/** One schema per invoke channel; the compiler checks each against the contract's argument type. */
export const payloadSchemas: { [C in InvokeChannel]: z.ZodType<ArgsOf<C>> } = {
  'app:info': noArgs,
  'device:list': noArgs,
  'audit:run': z.object({ ref: deviceRefSchema, app: packageSchema.optional() }).strict(),
  'settings:get': noArgs,
  // Only `adbPath: null` (search again): a path comes from main's own file chooser, never from the page.
  'settings:set': z.object({
    adbPath: z.null().optional(),
    adbServers: z.array(adbServerSchema).max(64).optional(),
    theme: z.enum(['system', 'light', 'dark']).optional(),
    locale: z.enum(['system', ...LOCALES]).optional(),
    pushBaseUrls: z.partialRecord(routeSchema, pushBaseUrlSchema).optional(),
  }).strict(),
  'settings:choose-adb': noArgs,
  'shell:open-external': z.string().max(2048).refine(isAllowedExternalUrl, 'not a link the app may open'),
  'device:packages': z.object({ ref: deviceRefSchema }).strict(),
  'fix:plan': fixRequestSchema,
  'fix:apply': fixRequestSchema,
  'answer:set': z.object({
    ref: deviceRefSchema,
    finding: findingIdSchema,
    answer: z.enum(['yes', 'no', 'unsure']),
    note: z.string().max(2000).optional(),
  }).strict(),
  'report:export': z.object({
    format: z.enum(EXPORT_FORMATS),
    refs: z.array(deviceRefSchema).min(1).max(512),
    redact: z.boolean().optional(),
    locale: z.enum(LOCALES).optional(),
  }).strict(),
  'credentials:list': noArgs,
  // Only the size is checked here: the route's own schema reads the JSON in main (main/push/credentials.ts).
  'credentials:set': z.object({ route: routeSchema, secret: z.string().min(2).max(64 * 1024) }).strict(),
  'credentials:clear': z.object({ route: routeSchema }).strict(),
  'push:check': z.object(pushMessageShape).strict(),
  'push:send': z.object({
    ...pushMessageShape,
    condition: z.enum([...PUSH_CONDITIONS, 'all']),
    // Tokens are base64url-ish or IM account names; never shell text (they only go into JSON bodies).
    token: z.string().min(1).max(4096).regex(/^[A-Za-z0-9_.:@=+/-]+$/, 'not a push token').optional(),
    click: z.boolean().optional(),
    timeoutSeconds: z.number().positive().max(600).optional(),
  }).strict(),
};
