import { pathToFileURL } from 'node:url';
import { createAdbTsPort } from '../main/adb/adb-ts-adapter.js';
import { toRef } from '../common/domain/device.js';
import { CONDITIONS } from '../main/push/conditions.js';
import { LOCAL_POSTER, sendLocal } from '../main/push/local-route.js';
import { runPushTest } from '../main/push/test-push-run.js';
import { watchForPush } from '../main/push/watch/watcher.js';
import { freePort, runAdb } from '../test/sim/adb/adb-server.js';
import { startLab } from '../test/sim/lab.js';

/**
 * The test-push watcher (issue 11): how long after a notification is posted on the phone the watcher sees it
 * (the `notification_enqueue` line reaching us over the streamed `logcat -b events`), and what a full run of
 * every condition costs on one phone. The simulated phone runs in this process on a real adb server, each
 * Android command paying `LATENCY_MS`, so the post time and the detection time are read off one clock.
 */
const LATENCY_MS = 50;
const PUSHES = 100;
const APP = 'com.example.im';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

export async function pushWatch(env: NodeJS.ProcessEnv): Promise<void> {
  const adbPort = await freePort();
  const lab = await startLab({ profiles: ['samsung-oneui-a14'], adbPort, latencyMs: LATENCY_MS });
  const port = createAdbTsPort({ servers: [{ host: '127.0.0.1', port: adbPort }], env });
  try {
    const phone = lab.phones[0]!;
    const device = (await port.listDevices()).find((d) => d.serial === phone.serial && d.state === 'device');
    if (!device || !phone.phone.deliverPush) throw new Error('the simulated phone did not come up');
    const ref = toRef(device);
    await port.shell(ref, `monkey -p ${APP} -c android.intent.category.LAUNCHER 1; input keyevent KEYCODE_HOME`);
    const clock = () => performance.now();
    const detect: number[] = [];
    const confirm: number[] = [];
    for (let i = 0; i < PUSHES; i++) {
      const text = `bench push ${i}`;
      const watch = watchForPush(port, ref, { pkg: APP, title: 'Push Doctor bench', text }, { timeoutMs: 5000, now: clock });
      await watch.ready;
      const postedAt = clock();
      const r = phone.phone.deliverPush({ pkg: APP, transport: 'fcm', kind: 'notification', priority: 'high', channelId: 'new_message', title: 'Push Doctor bench', text });
      if (!r.posted) throw new Error(`not posted: ${r.reason}`);
      const o = await watch.outcome;
      if (o.state !== 'posted') throw new Error(`push ${i} not seen: ${o.state}`);
      detect.push(o.detectedAt - postedAt);
      confirm.push(o.confirmedAt - postedAt);
    }
    console.log(`6. Push watcher, ${PUSHES} pushes, latency ${LATENCY_MS} ms per command`);
    console.log(`   posted → detected (events log line): p50 ${pct(detect, 50).toFixed(1)} ms, p95 ${pct(detect, 95).toFixed(1)} ms (target p95 < 100 ms)`);
    console.log(`   posted → confirmed (dumpsys notification read): p50 ${pct(confirm, 50).toFixed(1)} ms, p95 ${pct(confirm, 95).toFixed(1)} ms`);

    const t0 = performance.now();
    for (const condition of CONDITIONS) {
      const text = `bench condition ${condition}`;
      await runPushTest({
        port, ref, app: APP, poster: LOCAL_POSTER, route: 'local', condition, title: 'Push Doctor bench', text, channelId: null,
        overFcm: false, priority: 'high', delivery: 'notification', watch: true, timeoutMs: 5000,
        send: () => sendLocal(port, ref, 'Push Doctor bench', text),
      });
    }
    const full = performance.now() - t0;
    console.log(`   full condition run (${CONDITIONS.length} conditions, local route, enter + watch + post + restore): ${full.toFixed(0)} ms per phone`);
  } finally {
    await port.close();
    await lab.stop();
    await runAdb(adbPort, ['kill-server'], { timeoutMs: 10_000 }).catch(() => undefined);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await pushWatch({ ...process.env, ADB_EMU: '0' });
