import { createAdbTsPort } from '../main/adb/adb-ts-adapter.js';
import { createLabServices } from '../main/services/lab-services.js';
import { freePort, runAdb } from '../test/sim/adb/adb-server.js';
import { startSimProcess } from './sim-process.js';

/**
 * Time from "fix" to the re-checked step, as the workstation's Fix button sees it (fix:apply): the fix's
 * command, then only the probes its finding cites, then the diagnosis again, on a simulated phone with a
 * real phone's command start-up cost, compared with the full audit a re-check would otherwise be.
 */
const APP = 'com.example.im';

export async function fixRecheck(env: NodeJS.ProcessEnv, latencyMs: number): Promise<void> {
  const adbPort = await freePort();
  const sim = await startSimProcess(['--profile', 'pixel-a16', '--adb-port', String(adbPort), '--latency-ms', String(latencyMs)], env);
  const lab = createLabServices(createAdbTsPort({ servers: [{ host: '127.0.0.1', port: adbPort }], env }));
  try {
    const [device] = (await lab.listDevices()).filter((d) => d.state === 'device');
    if (!device) throw new Error('the simulated phone did not come up');
    const ref = { server: device.server, serial: device.serial, ...(device.transportId !== undefined ? { transportId: device.transportId } : {}) };
    const rows: string[] = [];
    for (const [finding, fix, undo] of [
      ['post-notifications-denied', 'grant-post-notifications', `pm revoke ${APP} android.permission.POST_NOTIFICATIONS`],
      ['dnd-on', 'dnd-off', 'cmd notification set_dnd priority'],
    ] as const) {
      const times: number[] = [];
      let audit = 0;
      for (let i = 0; i < 5; i++) {
        await runAdb(adbPort, ['-s', device.serial, 'shell', undo], { timeoutMs: 20_000 });
        const t0 = performance.now();
        await lab.runAudit({ ref, app: APP }, () => undefined);
        audit = performance.now() - t0;
        const t1 = performance.now();
        const outcome = await lab.applyFix({ ref, app: APP, finding, fix });
        times.push(performance.now() - t1);
        if (outcome.after?.severity !== 'ok') throw new Error(`${fix} did not fix ${finding}`);
      }
      const median = [...times].sort((a, b) => a - b)[2] ?? NaN;
      rows.push(`${fix} → ${finding} ok in ${median.toFixed(0)} ms (median of 5; a full audit: ${audit.toFixed(0)} ms)`);
    }
    console.log(`6. Fix to re-checked step (--latency-ms ${latencyMs}): ${rows.join('; ')}`);
  } finally {
    await lab.close();
    await sim.stop();
  }
}
