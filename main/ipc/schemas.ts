import { z } from 'zod';
import { isSafePackageName, isSafeSerial } from '../adb/shell-safety.js';
import type { ArgsOf, InvokeChannel } from '../../common/ipc/contract.js';
import { isAllowedExternalUrl } from '../app/external-links.js';

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

/** One schema per invoke channel; the compiler checks each against the contract's argument type. */
export const payloadSchemas: { [C in InvokeChannel]: z.ZodType<ArgsOf<C>> } = {
  'app:info': noArgs,
  'device:list': noArgs,
  'audit:run': z.object({ ref: deviceRefSchema, app: packageSchema.optional() }).strict(),
  'settings:get': noArgs,
  // Only `adbPath: null` (search again): a path comes from main's own file chooser, never from the page.
  'settings:set': z.object({ adbPath: z.null().optional() }).strict(),
  'settings:choose-adb': noArgs,
  'shell:open-external': z.string().max(2048).refine(isAllowedExternalUrl, 'not a link the app may open'),
};
