import { afterEach, describe, expect, it } from 'vitest';
import { startDeviceDaemon, type DeviceDaemon } from './device-daemon.js';
import { createFakePhone, fakeManifest, patternBytes } from './fake-phone.js';
import { A_AUTH, A_CLSE, A_CNXN, A_OKAY, A_OPEN, A_WRTE, AUTH_RSAPUBLICKEY, AUTH_SIGNATURE, AUTH_TOKEN } from './packet.js';
import { ShellFrameDecoder } from './shell-protocol.js';
import { TestHost } from './test-host.js';

const running: { daemon: DeviceDaemon; hosts: TestHost[] }[] = [];

async function setUp(options: Parameters<typeof startDeviceDaemon>[1] = {}, manifest = fakeManifest()) {
  const phone = createFakePhone(manifest);
  const daemon = await startDeviceDaemon(phone, options);
  const entry = { daemon, hosts: [] as TestHost[] };
  running.push(entry);
  const connectHost = async () => {
    const host = await TestHost.connect(daemon.port);
    entry.hosts.push(host);
    return host;
  };
  return { phone, daemon, connectHost };
}

async function online(host: TestHost, maxPayload?: number) {
  const reply = host.next((p) => p.command === A_CNXN);
  host.sendConnect(maxPayload);
  return reply;
}

async function open(host: TestHost, hostId: number, service: string) {
  const reply = host.next((p) => (p.command === A_OKAY || p.command === A_CLSE) && p.arg1 === hostId);
  host.send(A_OPEN, hostId, 0, `${service}\0`);
  return reply;
}

const quiet = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  for (const { daemon, hosts } of running.splice(0)) {
    for (const host of hosts) host.close();
    await daemon.close();
  }
});

describe('device daemon handshake', () => {
  it('answers CNXN with the profile banner and only the features it implements', async () => {
    const manifest = fakeManifest({ features: ['shell_v2', 'cmd', 'sendrecv_v2', 'stat_v2', 'track_app'] });
    const { connectHost, daemon } = await setUp({}, manifest);
    expect(daemon.port < 5555 || daemon.port > 5585).toBe(true);
    const reply = await online(await connectHost());
    expect(reply.arg1).toBe(1024 * 1024);
    expect(reply.data.toString()).toBe(
      'device::ro.product.name=oriole;ro.product.model=Pixel 6;ro.product.device=oriole;features=shell_v2,cmd,stat_v2',
    );
  });

  it('keeps a phone with auth "never" unauthorized: a new token for every signature, nothing after the key', async () => {
    const { connectHost } = await setUp({}, fakeManifest({ auth: { mode: 'never' } }));
    const host = await connectHost();
    const token = host.next((p) => p.command === A_AUTH);
    host.sendConnect();
    expect((await token).arg0).toBe(AUTH_TOKEN);
    expect((await token).data.length).toBe(20);
    const second = host.next((p) => p.command === A_AUTH);
    host.send(A_AUTH, AUTH_SIGNATURE, 0, Buffer.alloc(256, 7));
    expect((await second).arg0).toBe(AUTH_TOKEN);
    host.send(A_AUTH, AUTH_RSAPUBLICKEY, 0, 'QAAAAFakeKey= user@host\0');
    await quiet(300);
    expect(host.received.filter((p) => p.command === A_CNXN)).toHaveLength(0);
  });

  it('accepts a phone with auth "delayed" once the tap delay has passed after the key arrived', async () => {
    const { connectHost } = await setUp({}, fakeManifest({ auth: { mode: 'delayed', acceptAfterMs: 250 } }));
    const host = await connectHost();
    const token = host.next((p) => p.command === A_AUTH);
    host.sendConnect();
    await token;
    const started = Date.now();
    const accepted = host.next((p) => p.command === A_CNXN, 3000);
    host.send(A_AUTH, AUTH_RSAPUBLICKEY, 0, 'QAAAAFakeKey= user@host\0');
    await accepted;
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);

    const again = await connectHost();
    const secondToken = again.next((p) => p.command === A_AUTH);
    again.sendConnect();
    await secondToken;
    const remembered = again.next((p) => p.command === A_CNXN);
    again.send(A_AUTH, AUTH_SIGNATURE, 0, Buffer.alloc(256, 1));
    expect((await remembered).data.toString()).toMatch(/^device::/);
  });
});

describe('device daemon streams', () => {
  it('closes an unknown service with CLSE(0, hostId)', async () => {
    const { connectHost } = await setUp();
    const host = await connectHost();
    await online(host);
    const reply = await open(host, 7, 'framebuffer:');
    expect([reply.command, reply.arg0, reply.arg1]).toEqual([A_CLSE, 0, 7]);
  });

  it('never sends a WRTE above the negotiated maxdata nor a second one before the OKAY', async () => {
    const { connectHost } = await setUp();
    const host = await connectHost();
    await online(host, 4096);
    await open(host, 3, 'exec:pattern 100000 9');
    const first = await host.next((p) => p.command === A_WRTE);
    await quiet(150);
    expect(host.received.filter((p) => p.command === A_WRTE)).toHaveLength(1);
    host.send(A_OKAY, 3, first.arg0);
    const rest = await host.readStream(3);
    expect(Math.max(first.data.length, ...rest.writes)).toBeLessThanOrEqual(4096);
    expect(Buffer.concat([first.data, rest.data]).equals(patternBytes(100000, 9))).toBe(true);
  });

  it('frames shell,v2 output as stdout, stderr and exit status', async () => {
    const { connectHost } = await setUp();
    const host = await connectHost();
    await online(host);
    await open(host, 5, 'shell,v2,TERM=xterm-256color,raw:echo out; echo err >&2; exit 3');
    const { data } = await host.readStream(5);
    const frames = new ShellFrameDecoder().push(data).map((f) => [f.id, f.data.toString()]);
    expect(frames).toEqual([
      [1, 'out\n'],
      [2, 'err\n'],
      [3, '\u0003'],
    ]);
  });

  it('mixes stderr into a legacy shell: stream and sends no exit status', async () => {
    const { connectHost } = await setUp();
    const host = await connectHost();
    await online(host);
    await open(host, 5, 'shell:echo out; echo err >&2; exit 3');
    expect((await host.readStream(5)).data.toString()).toBe('out\nerr\n');
  });

  it('mixes stderr into exec: output, as adbd does without the shell protocol', async () => {
    const { connectHost } = await setUp();
    const host = await connectHost();
    await online(host);
    await open(host, 5, 'exec:echo out; echo err >&2');
    expect((await host.readStream(5)).data.toString()).toBe('out\nerr\n');
  });

  it('answers sync STA2 and LIS2 with stat_v2 records and a zeroed DONE dent', async () => {
    const { connectHost, phone } = await setUp();
    phone.writeFile('/data/local/tmp/a.txt', Buffer.from('hello'), 0o100644, 1_700_000_123);
    const host = await connectHost();
    await online(host);
    const ok = await open(host, 8, 'sync:');
    const request = (id: string, path: string) => {
      const header = Buffer.alloc(8);
      header.write(id, 0, 'latin1');
      header.writeUInt32LE(Buffer.byteLength(path), 4);
      return Buffer.concat([header, Buffer.from(path)]);
    };
    const quit = Buffer.from('QUIT\0\0\0\0', 'latin1');
    host.send(A_WRTE, 8, ok.arg0, Buffer.concat([request('STA2', '/data/local/tmp/a.txt'), request('STA2', '/nope'), request('LIS2', '/data/local/tmp'), quit]));
    const { data } = await host.readStream(8);
    const found = data.subarray(0, 72);
    expect(found.toString('latin1', 0, 4)).toBe('STA2');
    expect([found.readUInt32LE(4), found.readUInt32LE(24), Number(found.readBigUInt64LE(40)), Number(found.readBigInt64LE(56))]).toEqual([
      0, 0o100644, 5, 1_700_000_123,
    ]);
    const missing = data.subarray(72, 144);
    expect([missing.toString('latin1', 0, 4), missing.readUInt32LE(4)]).toEqual(['STA2', 2]);
    const names: string[] = [];
    let offset = 144;
    while (data.toString('latin1', offset, offset + 4) === 'DNT2') {
      const length = data.readUInt32LE(offset + 72);
      names.push(data.toString('utf8', offset + 76, offset + 76 + length));
      offset += 76 + length;
    }
    expect(names).toEqual(['.', '..', 'a.txt']);
    expect(data.toString('latin1', offset, offset + 4)).toBe('DONE');
    expect(data.length - offset).toBe(76);
  });

  it('aborts the command when the host closes its stream, and answers the CLSE', async () => {
    const { connectHost, phone } = await setUp();
    const host = await connectHost();
    await online(host);
    const ok = await open(host, 9, 'shell:sleep 30');
    const answer = host.next((p) => p.command === A_CLSE && p.arg1 === 9);
    host.send(A_CLSE, 9, ok.arg0);
    expect((await answer).arg0).toBe(ok.arg0);
    expect(phone.ran).toEqual(['sleep 30']);
  });

  it('feeds shell,v2 stdin to the command until close-stdin', async () => {
    const { connectHost } = await setUp();
    const host = await connectHost();
    await online(host);
    const ok = await open(host, 4, 'shell,v2,raw:cat');
    const stdin = Buffer.concat([Buffer.from([0, 6, 0, 0, 0]), Buffer.from('hello\n'), Buffer.from([4, 0, 0, 0, 0])]);
    host.send(A_WRTE, 4, ok.arg0, stdin);
    const frames = new ShellFrameDecoder().push((await host.readStream(4)).data).map((f) => [f.id, f.data.toString()]);
    expect(frames).toEqual([
      [1, 'hello\n'],
      [3, '\u0000'],
    ]);
  });
});

describe('device daemon faults', () => {
  it('goes silent on a matching command: no output, no close, the phone never runs it', async () => {
    const { connectHost, phone } = await setUp({ faults: { silentOnCommand: /^getprop/ } });
    const host = await connectHost();
    await online(host);
    const ok = await open(host, 2, 'shell:getprop ro.product.model');
    expect(ok.command).toBe(A_OKAY);
    await quiet(300);
    expect(host.received.filter((p) => p.arg1 === 2 && p.command !== A_OKAY)).toHaveLength(0);
    expect(phone.ran).toEqual([]);
  });

  it('truncates a matching command at the first WRTE past faultAfterBytes and sends no exit status', async () => {
    const { connectHost } = await setUp({ faults: { truncateOnCommand: /pattern/, faultAfterBytes: 10_000 } });
    const host = await connectHost();
    await online(host);
    await open(host, 2, 'shell,v2,raw:pattern 200000 4');
    const { data, writes } = await host.readStream(2);
    const frames = new ShellFrameDecoder().push(data);
    expect(writes).toEqual([65536 + 5]);
    expect(frames.map((frame) => frame.id)).toEqual([1]);
    expect(frames[0]?.data.equals(patternBytes(65536, 4))).toBe(true);
  });

  it('keeps every shell_v2 packet inside one WRTE when maxdata is small', async () => {
    const { connectHost } = await setUp();
    const host = await connectHost();
    await online(host, 4096);
    await open(host, 6, 'shell,v2,raw:pattern 20000 2');
    const parts: Buffer[] = [];
    for (;;) {
      const packet = await host.next((p) => (p.command === A_WRTE || p.command === A_CLSE) && p.arg1 === 6);
      if (packet.command === A_CLSE) break;
      parts.push(packet.data);
      host.send(A_OKAY, 6, packet.arg0);
    }
    for (const part of parts) {
      const frames = new ShellFrameDecoder().push(part);
      expect(frames.reduce((sum, frame) => sum + 5 + frame.data.length, 0)).toBe(part.length);
    }
    const stdout = Buffer.concat(new ShellFrameDecoder().push(Buffer.concat(parts)).filter((f) => f.id === 1).map((f) => f.data));
    expect(stdout.equals(patternBytes(20000, 2))).toBe(true);
  });

  it('drops the link after disconnectAfterBytes and refuses hosts until reconnect()', async () => {
    const { connectHost, daemon } = await setUp({ faults: { disconnectAfterBytes: 50_000 } });
    const host = await connectHost();
    await online(host);
    await open(host, 2, 'exec:pattern 200000');
    await host.readStream(2).catch(() => undefined);
    await host.waitClosed();
    const received = host.received.filter((p) => p.command === A_WRTE).reduce((sum, p) => sum + p.data.length, 0);
    expect(received).toBe(50_000);
    expect(daemon.reachable).toBe(false);

    const refused = await connectHost();
    await refused.waitClosed();

    daemon.setFaults({});
    daemon.reconnect();
    const back = await connectHost();
    expect((await online(back)).data.toString()).toMatch(/^device::/);
  });

  it('drops the link partway through a command matching disconnectOnCommand', async () => {
    const { connectHost, daemon } = await setUp({ faults: { disconnectOnCommand: /^dumpsys|pattern/, faultAfterBytes: 8192 } });
    const host = await connectHost();
    await online(host);
    await open(host, 2, 'shell,v2,raw:pattern 1000000');
    await host.readStream(2).catch(() => undefined);
    await host.waitClosed();
    expect(daemon.reachable).toBe(false);
  });
});
