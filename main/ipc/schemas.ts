import { z } from 'zod';
import { isSafePackageName, isSafeSerial } from '../adb/shell-safety.js';
import type { ArgsOf, InvokeChannel } from '../../common/ipc/contract.js';
import { isAllowedExternalUrl } from '../app/external-links.js';

// The same rules the adb layer applies before anything reaches `adb shell`, checked here first so a
// bad payload is refused at the IPC boundary with INVALID_INPUT.
export const serialSchema = z.string().refine(isSafeSerial, 'not an adb serial');
export const packageSchema = z.string().refine(isSafePackageName, 'not an Android package name');

const noArgs = z.undefined();

/** One schema per invoke channel; the compiler checks each against the contract's argument type. */
export const payloadSchemas: { [C in InvokeChannel]: z.ZodType<ArgsOf<C>> } = {
  'app:info': noArgs,
  'device:list': noArgs,
  'audit:run': z.object({ serial: serialSchema, app: packageSchema.optional() }).strict(),
  'settings:get': noArgs,
  // Only `adbPath: null` (search again): a path comes from main's own file chooser, never from the page.
  'settings:set': z.object({ adbPath: z.null().optional() }).strict(),
  'settings:choose-adb': noArgs,
  'shell:open-external': z.string().max(2048).refine(isAllowedExternalUrl, 'not a link the app may open'),
};
