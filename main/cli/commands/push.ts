import { Command, InvalidArgumentError, Option } from 'commander';
import type { AdbServerAddress, DevicePort, DeviceRef } from '../../adb/device-port.js';
import { localizedError } from '../../adb/adb-errors.js';
import { DevicePortError } from '../../adb/device-port.js';
import { isSafePackageName } from '../../adb/shell-safety.js';
import { describeRef, toRef } from '../../../common/domain/device.js';
import type { Vendor } from '../../../common/domain/facts.js';
import type { Finding } from '../../../common/domain/findings.js';
import type { Locale } from '../../../common/i18n/locale.js';
import { translator } from '../../../common/i18n/messages.js';
import { localizeFinding } from '../../../common/i18n/render-finding.js';
import { CONDITIONS, type Condition } from '../../push/conditions.js';
import { loadCredentials } from '../../push/credentials.js';
import { LOCAL_POSTER, sendLocal } from '../../push/local-route.js';
import { fetchForEnv, proxyFromEnv } from '../../push/proxy.js';
import { sendByRoute } from '../../push/routes/index.js';
import { tokenFromLog, uniquePushText } from '../../push/push-token.js';
import { mergeAcrossConditions } from '../../push/test-push-findings.js';
import { runPushTest, type PushTestOutcome } from '../../push/test-push-run.js';
import { ROUTE_IDS, type RouteId, type TestPushMessage } from '../../push/types.js';
import { shown } from '../../util/shown.js';
import { addAdbOption, CliExit, EXIT, type CliDeps } from '../program.js';
import { openPort } from '../open-port.js';
import { forceOption, formatOption, langOption, prepareReportOutput, writeReport, type ReportFormat } from '../report-output.js';
import { buildDeviceReport, buildReport } from '../../report/build-report.js';

const ROUTES = ['local', ...ROUTE_IDS] as const;
type CliRoute = (typeof ROUTES)[number];

interface PushCliOptions {
  adb: AdbServerAddress[] | undefined;
  route: CliRoute;
  serial: string;
  app: string;
  condition?: Condition | 'all';
  watch: boolean;
  timeout: number;
  baseUrl?: string;
  credentials?: string;
  token?: string;
  title?: string;
  desc?: string;
  channelId?: string;
  priority: 'high' | 'normal';
  data: boolean;
  json: boolean;
  click: boolean;
  expectActivity?: string;
  out?: string;
  format: ReportFormat;
  force: boolean;
  lang: Locale;
}

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${shown(value)} is not a ${what}; use one of ${values.join(', ')}.`);
  };
}

function seconds(value: string): number {
  if (!/^\d{1,4}(\.\d+)?$/.test(value) || Number(value) <= 0) throw new InvalidArgumentError(`${shown(value)} is not a number of seconds.`);
  return Number(value);
}

export function register(program: Command, deps: CliDeps): void {
  addAdbOption(
    program
      .command('push')
      .description('send a test push by one route, with the phone put in a condition first, and watch it land '
        + '(exit 0 delivered — or accepted without --watch —, 1 rejected or not delivered in time, 2 usage)')
      .addOption(new Option('--route <route>', `how to send: ${ROUTES.join(', ')}`).argParser(oneOf(ROUTES, 'route')).makeOptionMandatory())
      .requiredOption('--serial <serial>', 'the phone')
      .requiredOption('--app <package>', 'the app under test, e.g. com.example.im')
      .addOption(new Option('--condition <c>', `put the phone in this state first: ${[...CONDITIONS, 'all'].join(', ')}`).argParser(oneOf([...CONDITIONS, 'all'] as const, 'condition')))
      .option('--watch', 'wait until the notification is posted on the phone and say how long it took', false)
      .option('--timeout <sec>', 'how long --watch waits for the post', seconds, 30)
      .option('--base-url <url>', 'send every request of the route here (a local or staging server)')
      .option('--credentials <file>', 'JSON credentials: a section per route, or the Firebase service-account key for fcm')
      .option('--token <token>', 'the push token (or, for tencent-im, the IM account); read from the app\'s log when absent')
      .option('--title <text>', 'notification title', 'Push Doctor test')
      .option('--desc <text>', 'notification text (default: a unique line with the time)')
      .option('--channel-id <id>', 'the Android notification channel the push names')
      .addOption(new Option('--priority <p>', 'high or normal (FCM android.priority; Doze holds normal)').choices(['high', 'normal']).default('high'))
      .option('--data', 'send a data message instead of a notification message (FCM, Huawei, Honor, Xiaomi)', false)
      .option('--click', 'with --watch: tap the posted notification and check the page it opens', false)
      .option('--expect-activity <pkg/.Activity>', 'with --click: the activity the tap must open (default: any of the app\'s)')
      .option('--json', 'the results as JSON on stdout', false)
      .option('--out <file>', 'also write a report (pushTests and the test-push findings) to this file')
      .addOption(formatOption())
      .addOption(langOption(deps.env))
      .addOption(forceOption()),
  ).action(async (options: PushCliOptions) => {
    if (!isSafePackageName(options.app)) throw new CliExit(EXIT.usage, `${shown(options.app)} is not an Android package name (e.g. com.example.im).`);
    if (options.baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(options.baseUrl)) {
      throw new CliExit(EXIT.usage, `${shown(options.baseUrl)} is not a base URL; use http(s)://HOST[:PORT][/path].`);
    }
    // Before the phone is touched: a report target that cannot be written would lose the run.
    const writer = options.out ? await prepareReportOutput({ format: options.format, out: options.out, force: options.force }) : null;
    if (options.click && !options.watch) throw new CliExit(EXIT.usage, '--click needs --watch: only a notification seen posted can be tapped.');
    if (options.expectActivity !== undefined && !/^[A-Za-z0-9_.]+\/[A-Za-z0-9_.$]+$/.test(options.expectActivity)) {
      throw new CliExit(EXIT.usage, `${shown(options.expectActivity)} is not an activity; use PKG/.Activity, e.g. com.example.im/.MainActivity.`);
    }
    const port = openPort(options.adb, deps);
    try {
      const ref = await findPhone(port, options.serial, options.lang);
      const outcomes = await runAll(port, ref, options, deps);
      print(outcomes, options, deps);
      if (writer && options.out) {
        const device = buildDeviceReport({
          serial: ref.serial, ref, state: 'device', facts: null, findings: [], extraFindings: findingsOf(outcomes), pushTests: outcomes.map((o) => o.result),
        });
        const report = buildReport({ source: 'live', app: options.app, devices: [device], now: new Date(), version: deps.version });
        await writeReport(report, writer, { format: options.format, out: options.out, force: options.force, lang: options.lang }, deps, null);
      }
      const clickOk = (o: PushTestOutcome) => !o.click || o.findings.find((f) => f.id === 'test-push-click')?.severity === 'ok';
      const ok = outcomes.every((o) => (options.watch ? o.delivered === true && clickOk(o) : o.result.accepted));
      if (!ok) throw new CliExit(EXIT.failed, options.watch ? 'The test push was not delivered in every condition (see above).' : 'The test push was not accepted.');
    } finally {
      await port.close();
    }
  });
}

async function findPhone(port: DevicePort, serial: string, lang: Locale): Promise<DeviceRef> {
  const devices = await port.listDevices().catch((error: Error & { hint?: string }) => {
    const { message, hint } = error instanceof DevicePortError ? localizedError(error, lang) : { message: error.message, hint: error.hint };
    const t = translator(lang);
    throw new CliExit(EXIT.usage, `${t('cli.cannot-reach', { message })}${hint ? `\n${t('cli.fix', { hint })}` : ''}`);
  });
  const matches = devices.filter((d) => d.serial === serial);
  const device = matches[0];
  if (!device) throw new CliExit(EXIT.usage, `No device ${shown(serial)} on the adb server(s): check the cable, then \`adb devices\`.`);
  if (matches.length > 1) throw new CliExit(EXIT.usage, `${matches.length} phones are listed as ${shown(serial)}: ${matches.map(describeRef).join('; ')}. Name one with --adb HOST:PORT.`);
  if (device.state !== 'device') throw new CliExit(EXIT.usage, `${serial} is ${device.state}: a push can be watched only on a phone that shows as "device" in \`adb devices\`.`);
  return toRef(device);
}

async function runAll(port: DevicePort, ref: DeviceRef, o: PushCliOptions, deps: CliDeps): Promise<PushTestOutcome[]> {
  const conditions: (Condition | null)[] = o.condition === 'all' ? [...CONDITIONS] : [o.condition ?? null];
  const base = {
    port, ref, app: o.app, watch: o.watch, timeoutMs: o.timeout * 1000, priority: o.priority,
    delivery: o.data ? ('data' as const) : ('notification' as const), channelId: o.channelId ?? null,
    ...(deps.signal ? { signal: deps.signal } : {}),
    ...(o.click ? { click: { expected: o.expectActivity ?? null } } : {}),
  };
  if (o.route === 'local') {
    const out: PushTestOutcome[] = [];
    for (const condition of conditions) {
      const text = o.desc ?? uniquePushText();
      out.push(await runPushTest({
        ...base, poster: LOCAL_POSTER, route: 'local', condition, title: o.title ?? 'Push Doctor test', text, overFcm: false,
        send: () => sendLocal(port, ref, o.title ?? 'Push Doctor test', text),
      }));
    }
    return out;
  }
  const route: RouteId = o.route;
  if (!o.credentials) throw new CliExit(EXIT.usage, `--route ${route} needs --credentials FILE (a section "${route}"${route === 'fcm' ? ', or the Firebase service-account key' : ''}).`);
  const creds = await loadCredentials(o.credentials, route).catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error), warnings: [] }));
  for (const w of creds.warnings) deps.stderr(`warning: ${w}\n`);
  if (!creds.ok) throw new CliExit(EXIT.usage, `Cannot use ${o.credentials}: ${creds.error}`);
  let target = o.token ?? null;
  let vendor: Vendor | null = route === 'tencent-im' ? null : route;
  // Tencent IM pushes through the phone's own channel: its log says which (FCM brings Doze and the stopped state into play).
  if (route === 'tencent-im') vendor = (await tokenFromLog(port, ref, o.app))?.vendor ?? null;
  if (!target) {
    if (route === 'tencent-im') throw new CliExit(EXIT.usage, '--route tencent-im needs --token ACCOUNT: the IM account (UserID) logged in on the phone.');

    const found = await tokenFromLog(port, ref, o.app);
    if (!found) throw new CliExit(EXIT.usage, `No push token for ${o.app} in the phone's log: start the app once so its push SDK logs it, or name it with --token.`);
    target = found.token;
    vendor = found.vendor ?? vendor;
    deps.stderr(`Using the ${found.vendor ?? route} token the app logged (${target.slice(0, 6)}…, ${target.length} characters).\n`);
  }
  const proxy = proxyFromEnv(deps.env);
  const f = fetchForEnv(deps.env);
  const proxySecret = proxy?.httpsProxy ? safePassword(proxy.httpsProxy) : null;
  try {
    const out: PushTestOutcome[] = [];
    for (const condition of conditions) {
      const text = o.desc ?? uniquePushText();
      const message: TestPushMessage = {
        title: o.title ?? 'Push Doctor test', body: text, delivery: base.delivery, priority: o.priority, ttlSeconds: 3600,
        channelId: o.channelId ?? null, category: 'IM', sound: null, ext: null, data: {}, testMode: true,
        tencent: {
          element: 'text',
          // The phone's vendor reads its own channel field (push-apis §1.5); name the channel in each that has one.
          ...(o.channelId ? { androidInfo: { XiaoMiChannelID: o.channelId, HuaWeiChannelID: o.channelId, OPPOChannelID: o.channelId, GoogleChannelID: o.channelId } } : {}),
        },
      };
      const t = target;
      out.push(await runPushTest({
        ...base, poster: o.app, route, condition, title: message.title, text, overFcm: route === 'fcm' || vendor === 'fcm',
        send: () => sendByRoute(route, {
          credentials: creds.credentials, target: t, message, fetch: f.fetch,
          ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}), ...(proxySecret ? { secrets: [proxySecret] } : {}),
        }),
      }));
    }
    return out;
  } finally {
    await f.close();
  }
}

function safePassword(url: string): string | null {
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : null;
  } catch {
    return null;
  }
}

const yesNo = (v: boolean | null) => (v === null ? '-' : v ? 'yes' : 'no');

function findingsOf(outcomes: PushTestOutcome[]): Finding[] {
  return outcomes.length === 1 ? outcomes[0]!.findings : mergeAcrossConditions(outcomes.map((x) => x.findings));
}

function print(outcomes: PushTestOutcome[], o: PushCliOptions, deps: CliDeps): void {
  const findings = findingsOf(outcomes).map((f) => localizeFinding(f, o.lang));
  if (o.json) {
    deps.stdout(`${JSON.stringify({ serial: o.serial, app: o.app, route: o.route, pushTests: outcomes.map((x) => x.result), findings }, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  if (o.condition === 'all') {
    lines.push(`${o.route} → ${o.serial} (${o.app})`, '', 'condition    accepted  delivered  latency    displayed  why');
    for (const x of outcomes) {
      const why = x.notDeliveredReason ?? x.displayedReason ?? (x.result.accepted ? '' : x.result.response.code);
      lines.push(`${(x.condition ?? '-').padEnd(12)} ${yesNo(x.result.accepted).padEnd(9)} ${yesNo(x.delivered).padEnd(10)} ${(x.latencyMs === null ? '-' : `${x.latencyMs} ms`).padEnd(10)} ${yesNo(x.displayed).padEnd(10)} ${why}`);
    }
  } else {
    const x = outcomes[0]!;
    lines.push(`${o.route} → ${o.serial} (${o.app})${x.condition ? `, condition ${x.condition}` : ''}`);
    if (x.conditionProblem) lines.push(`  condition  ${x.conditionProblem}`);
    const e = x.push.explanation;
    lines.push(`  accepted   ${yesNo(x.result.accepted)}${e ? ` — ${e.code}: ${e.meaning}` : ''}`);
    if (!x.result.accepted && e?.action) lines.push(`  what to do ${e.action}`);
    for (const n of x.push.notes) lines.push(`  note       ${n}`);
    if (o.watch && x.result.accepted) {
      lines.push(`  posted     ${x.delivered ? `yes, ${x.latencyMs ?? '?'} ms after sending, channel "${x.result.channelId ?? '?'}" (importance ${x.result.importance ?? '?'})` : `no (${x.notDeliveredReason ?? '?'})`}`);
      lines.push(`  displayed  ${yesNo(x.displayed)}${x.displayedReason ? ` (${x.displayedReason})` : ''}`);
      if (x.click) lines.push(`  tapped     ${x.click.tapped ? `opened ${x.click.resumed ?? '?'}` : `no: ${x.click.problem ?? ''}`}`);
    }
  }
  lines.push('');
  for (const f of findings) lines.push(`${f.severity.padEnd(8)} ${f.id}: ${f.detail}${f.remedy ? `\n         fix: ${f.remedy}` : ''}`);
  deps.stdout(`${lines.join('\n')}\n`);
}
