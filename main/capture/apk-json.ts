import { z } from 'zod';
import { APK_COMPONENT_KINDS, withoutSecrets, type ApkFacts } from '../../common/domain/apk.js';
import type { Evidence } from '../../common/domain/facts.js';

/**
 * `apk.json` in a capture (../shared/spec/capture.md): the APK inspection's facts, not the APK, so `analyze`
 * gives the findings the live audit gave. Read back through this schema, since a capture is a file anyone can edit.
 */

export const APK_JSON = 'apk.json';
export const APK_JSON_SCHEMA = 'push-doctor/apk-facts@1';

const int = z.number().int();
const str = z.string().max(64 * 1024);
const value = z.discriminatedUnion('type', [
  z.object({ type: z.literal('string'), value: str }),
  z.object({ type: z.literal('int'), format: z.enum(['dec', 'hex']), value: int }),
  z.object({ type: z.literal('boolean'), value: z.boolean() }),
  z.object({ type: z.literal('float'), value: z.number() }),
  z.object({ type: z.literal('dimension'), value: z.number(), unit: z.enum(['px', 'dp', 'sp', 'pt', 'in', 'mm', 'unknown']) }),
  z.object({ type: z.literal('fraction'), value: z.number(), unit: z.enum(['%', '%p', 'unknown']) }),
  z.object({ type: z.literal('color'), value: str }),
  z.object({ type: z.literal('reference'), id: int, name: str.nullable() }),
  z.object({ type: z.literal('attribute'), id: int }),
  z.object({ type: z.literal('null'), empty: z.boolean() }),
  z.object({ type: z.literal('unknown'), dataType: int, data: int }),
]);
const source = z.object({ element: str, line: int });
const metaData = z.object({
  name: str, value: value.nullable(), resolved: value.nullable(), resource: value.nullable(), unresolved: str.nullable(), source,
});
const intentFilter = z.object({
  actions: z.array(str), categories: z.array(str), priority: int.nullable(), source,
  data: z.array(z.object({
    scheme: str.nullable(), host: str.nullable(), port: str.nullable(), path: str.nullable(), pathPrefix: str.nullable(),
    pathPattern: str.nullable(), mimeType: str.nullable(),
  })),
});
const component = z.object({
  kind: z.enum(APK_COMPONENT_KINDS), name: str, exported: z.boolean().nullable(), exportedEffective: z.boolean(), enabled: z.boolean().nullable(),
  permission: str.nullable(), process: str.nullable(), targetActivity: str.nullable(), authorities: z.array(str),
  intentFilters: z.array(intentFilter), metaData: z.array(metaData), source,
});
export const apkFactsSchema = z.object({
  manifest: z.object({
    package: str.nullable(), versionCode: int.nullable(), versionName: str.nullable(), minSdk: int.nullable(), targetSdk: int.nullable(),
    compileSdk: int.nullable(), usesPermissions: z.array(z.object({ name: str, maxSdkVersion: int.nullable(), source })),
    permissions: z.array(str), postNotificationsDeclared: z.boolean(), applicationEnabled: z.boolean().nullable(),
    metaData: z.array(metaData), components: z.array(component),
  }),
  assets: z.array(str),
  agconnect: z.object({
    clientAppId: str.nullable(), clientPackageName: str.nullable(), appInfoAppId: str.nullable(), appInfoPackageName: str.nullable(), error: str.nullable(),
  }).nullable(),
  strings: z.array(z.object({
    name: str, value: str.nullable(), id: int, withheld: z.boolean().optional(),
    valueType: z.enum(['string', 'int', 'boolean', 'float', 'dimension', 'fraction', 'color', 'reference', 'attribute', 'null', 'unknown', 'complex', 'unresolved']),
  })),
  resourcesError: str.nullable(),
});

const apkJsonSchema = z.object({
  schema: z.literal(APK_JSON_SCHEMA),
  /** Where the APK came from, e.g. the `pm path` line. */
  origin: z.object({ command: str, excerpt: str }),
  facts: apkFactsSchema,
});

export interface ApkJson {
  origin: Evidence;
  facts: ApkFacts;
}

export function apkJsonText(origin: Evidence, facts: ApkFacts): string {
  return `${JSON.stringify({ schema: APK_JSON_SCHEMA, origin, facts: withoutSecrets(facts) }, null, 2)}\n`;
}

/** apk.json's text as facts, or why it is not usable (the analysis then reports the APK steps unknown). */
export function parseApkJson(text: string): { ok: true; value: ApkJson } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `${APK_JSON} is not valid JSON: ${(error as Error).message.slice(0, 200)}` };
  }
  const parsed = apkJsonSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: `${APK_JSON} does not follow ${APK_JSON_SCHEMA}: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  }
  return { ok: true, value: { origin: parsed.data.origin, facts: withoutSecrets(parsed.data.facts as ApkFacts) } };
}
