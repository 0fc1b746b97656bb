import { describe, expect, it } from 'vitest';
import type { DevicePort, DeviceRef, ShellResult, StreamOptions, StreamResult } from '../../adb/device-port.js';
import { DevicePortError } from '../../adb/device-port.js';
import { watchForPush } from './watcher.js';

const REF: DeviceRef = { server: '127.0.0.1:5037', serial: 'S1' };
const line = (pkg: string, id: number) =>
  `12-02 13:00:00.000  1432  1432 I notification_enqueue: [10267,20001,${pkg},${id},NULL,0,Notification(channel=new_message shortcut=null vis=PRIVATE),0]`;
const record = (title: string, text: string) => `  Notification List:
    NotificationRecord(0x1: pkg=com.example.im user=UserHandle{0} id=1002 tag=null importance=4 key=0|com.example.im|1002|null|10267: Notification(channel=new_message vis=PRIVATE))
          extras={
              android.title=String (${title})
              android.text=String (${text})
          }
      mImportance=HIGH
      mIntercept=false
`;

/** A port whose logcat stream the test drives line by line, and whose dumpsys answers what the test set. */
function fakePort(opts: { failStream?: boolean } = {}) {
  let emit: ((l: string) => void) | null = null;
  let end: ((r: StreamResult) => void) | null = null;
  let open: (() => void) | undefined;
  const state = { dump: '', dumps: 0, streamed: '' };
  const port = {
    shell: async (_ref: DeviceRef, command: string): Promise<ShellResult> => {
      if (command.startsWith('dumpsys notification')) state.dumps++;
      return { output: state.dump, exitCode: 0, durationMs: 1 };
    },
    shellStream: (_ref: DeviceRef, command: string, o: StreamOptions): Promise<StreamResult> => {
      state.streamed = command;
      if (opts.failStream) return Promise.reject(new DevicePortError('DEVICE_GONE', 'S1 is gone'));
      emit = o.onLine;
      open = o.onOpen;
      return new Promise((resolve) => {
        end = resolve;
        o.signal?.addEventListener('abort', () => resolve({ exitCode: null, cancelled: true, lines: 0, durationMs: 1 }));
      });
    },
  } as unknown as DevicePort;
  return { port, state, emit: (l: string) => emit!(l), open: () => open?.(), end: (r: StreamResult) => end!(r) };
}
const tick = () => new Promise((r) => setTimeout(r, 5));

describe('watchForPush', () => {
  it('ignores the replayed line, garbage and other apps; confirms our post in the dump', async () => {
    const f = fakePort();
    const w = watchForPush(f.port, REF, { pkg: 'com.example.im', title: 'T', text: 'X #1' }, { timeoutMs: 2000 });
    await tick();
    expect(f.state.streamed).toMatch(/^logcat .*-b events/);
    f.emit(line('com.example.im', 1001)); // the `-T 1` replay: from before the push
    await w.ready;
    expect(f.state.dumps).toBe(0);
    f.emit('garbage \u0000');
    f.emit(line('com.other.app', 7));
    await tick();
    expect(f.state.dumps).toBe(0);
    f.state.dump = record('T', 'an older push');
    f.emit(line('com.example.im', 1002));
    await tick();
    expect(f.state.dumps).toBe(1);
    f.state.dump = record('T', 'X #1');
    f.emit(line('com.example.im', 1003));
    const o = await w.outcome;
    expect(o.state).toBe('posted');
    if (o.state === 'posted') expect(o.record).toMatchObject({ channelId: 'new_message', importance: 4, intercepted: false });
  });

  it('is ready after the quiet period when the log is empty, and times out when nothing comes', async () => {
    const f = fakePort();
    const w = watchForPush(f.port, REF, { pkg: 'com.example.im', title: 'T', text: 'X' }, { timeoutMs: 50, quietReadyMs: 10 });
    await tick();
    f.open();
    await w.ready;
    expect((await w.outcome).state).toBe('timeout');
  });

  it('says when the stream ends early or cannot open', async () => {
    const f = fakePort();
    const w = watchForPush(f.port, REF, { pkg: 'com.example.im', title: 'T', text: 'X' }, { timeoutMs: 2000 });
    await tick();
    f.emit(line('a.b', 1));
    await w.ready;
    f.end({ exitCode: 1, cancelled: false, lines: 1, durationMs: 1 });
    expect(await w.outcome).toMatchObject({ state: 'error' });
    const g = fakePort({ failStream: true });
    const w2 = watchForPush(g.port, REF, { pkg: 'com.example.im', title: 'T', text: 'X' }, { timeoutMs: 2000 });
    await expect(w2.ready).rejects.toThrow(/gone/);
    expect(await w2.outcome).toMatchObject({ state: 'error', message: 'S1 is gone' });
  });
});
