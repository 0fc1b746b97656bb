import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPhone, type SimAndroidPhone } from '../create-phone.js';
import { captureIo } from '../testing/capture-io.js';
import { parse } from './parse.js';

const FIXTURE = fileURLToPath(new URL('../__fixtures__/pixel-a14', import.meta.url));

let phone: SimAndroidPhone;
beforeEach(async () => {
  phone = await createPhone(FIXTURE);
});

async function sh(line: string, stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const cap = captureIo(stdin);
  const code = await phone.run(line, cap.io);
  return { code, out: cap.stdout(), err: cap.stderr() };
}

describe('shell grammar', () => {
  it('runs sequences, and/or lists and reports the last status', async () => {
    expect(await sh('echo a; echo b')).toEqual({ code: 0, out: 'a\nb\n', err: '' });
    expect(await sh('false && echo no || echo yes')).toMatchObject({ code: 0, out: 'yes\n' });
    expect(await sh('true || echo no; false')).toMatchObject({ code: 1, out: '' });
  });

  it("runs adb-ts's wrapper `(cmd) || echo '<uuid>'` and echoes the uuid only on failure", async () => {
    const uuid = '5b1a7c2e-0d4f-4c9e-9a51-2f3d8e7b6a10';
    expect(await sh(`(getprop ro.product.model) || echo '${uuid}'`)).toMatchObject({ code: 0, out: 'Pixel 7\n' });
    expect(await sh(`(nosuchtool --x) || echo '${uuid}'`)).toMatchObject({ code: 0, out: `${uuid}\n` });
  });

  it('expands $? into end markers after each command of a batch', async () => {
    const result = await sh('getprop ro.build.version.sdk; echo "<<m1:$?>>"; false; echo "<<m2:$?>>"; nosuch; echo "<<m3:$?>>"');
    expect(result.out).toBe('34\n<<m1:0>>\n<<m2:1>>\n<<m3:127>>\n');
    expect(result.err).toBe('/system/bin/sh: nosuch: inaccessible or not found\n');
  });

  it('keeps quotes and escapes literal', async () => {
    expect((await sh(`echo 'a  b' "c \\"d\\" $?" e\\ f '$?'`)).out).toBe('a  b c "d" 0 e f $?\n');
    expect((await sh('echo -n abc; echo -e "x\\ty"')).out).toBe('abcx\ty\n');
  });

  it('pipes through grep, head, tail and wc', async () => {
    expect((await sh('getprop | grep -E "ro\\.product\\.(brand|model)"')).out).toBe('[ro.product.brand]: [google]\n[ro.product.model]: [Pixel 7]\n');
    expect((await sh('getprop | grep -c product')).out).toBe('5\n');
    expect((await sh('getprop | grep -v "^\\[ro\\." | head -n 1')).out).toBe('[persist.sys.timezone]: [Europe/Berlin]\n');
    expect((await sh('getprop | tail -n 2')).out).toBe('[ro.serialno]: [28011FDH2000AB]\n[sys.boot_completed]: [1]\n');
    expect((await sh('getprop | wc -l')).out).toBe('17\n');
    expect(await sh('getprop | grep -q nothing-like-this')).toMatchObject({ code: 1, out: '' });
    expect(await sh('echo hello | grep -F -q ell')).toMatchObject({ code: 0, out: '' });
  });

  it('redirects stdout and stderr, including 2>&1 and /dev/null', async () => {
    expect(await sh('nosuch 2>/dev/null; echo $?')).toEqual({ code: 0, out: '127\n', err: '' });
    expect(await sh('nosuch 2>&1')).toEqual({ code: 127, out: '/system/bin/sh: nosuch: inaccessible or not found\n', err: '' });
    expect(await sh('echo hidden >/dev/null')).toEqual({ code: 0, out: '', err: '' });
    await sh('echo one > /data/local/tmp/x.txt; echo two >> /data/local/tmp/x.txt');
    expect((await sh('cat /data/local/tmp/x.txt')).out).toBe('one\ntwo\n');
    expect(phone.readFile('/data/local/tmp/x.txt')?.toString()).toBe('one\ntwo\n');
    expect(await sh('echo x > /system/x')).toMatchObject({ code: 1, err: "/system/bin/sh: can't create /system/x: Permission denied\n" });
  });

  it('runs subshells and brace groups with their own redirections', async () => {
    expect((await sh('(echo a; echo b) | wc -l')).out).toBe('2\n');
    expect((await sh('{ echo a; nosuch; } 2>&1 | grep -c .')).out).toBe('2\n');
    expect(await sh('(exit 3); echo $?')).toMatchObject({ out: '3\n' });
    expect(await sh('exit 4; echo never')).toEqual({ code: 4, out: '', err: '' });
  });

  it('feeds client stdin to the first command', async () => {
    expect((await sh('cat | grep b', 'a\nb\nc\n')).out).toBe('b\n');
  });

  it('prints mksh syntax errors and exits 1 instead of throwing', async () => {
    expect(await sh('echo (')).toMatchObject({ code: 1, err: "/system/bin/sh: syntax error: '(' unexpected\n" });
    expect(await sh('(echo a')).toMatchObject({ code: 1, err: "/system/bin/sh: syntax error: '(' unmatched\n" });
    expect(await sh('echo a )')).toMatchObject({ code: 1, err: "/system/bin/sh: syntax error: ')' unexpected\n" });
    expect(await sh("echo 'open")).toMatchObject({ code: 1, err: '/system/bin/sh: syntax error: no closing quote\n' });
    expect(await sh('&& echo')).toMatchObject({ code: 1, err: "/system/bin/sh: syntax error: '&&' unexpected\n" });
  });

  it('never throws from the parser on odd input', () => {
    for (const odd of ['', ';;', '|', '(((', '"', '\\', '2>', 'a >', '{ echo', '}', '$', '${', '$(x)', '\u0000\u00ff']) {
      expect(() => parse(odd)).not.toThrow();
    }
  });

  it('returns 127 with the mksh message for unknown commands', async () => {
    expect(await sh('frobnicate --now')).toEqual({ code: 127, out: '', err: '/system/bin/sh: frobnicate: inaccessible or not found\n' });
  });

  it('stops a producer when the reader of its pipe goes away (SIGPIPE) and keeps backpressure', async () => {
    const result = await sh('logcat | head -n 1');
    expect(result.out).toBe('--------- beginning of main\n');
    expect(result.code).toBe(0);
  });

  it('stops a command when the stream is aborted', async () => {
    const cap = captureIo();
    const running = phone.run('sleep 30; echo late', cap.io);
    setTimeout(() => cap.controller.abort(), 20);
    const started = Date.now();
    await running;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(cap.stdout()).toBe('');
  });
});

describe('big outputs', () => {
  it('moves a whole base.apk through a pipe byte for byte', async () => {
    const path = (await sh('pm path com.example.im')).out.trim().slice('package:'.length);
    const size = phone.stat(path)!.size;
    expect((await sh(`cat ${path} | wc -c`)).out).toBe(`${size}\n`);
  });

  it('runs nested sh -c and printf', async () => {
    expect((await sh(`sh -c 'echo in; exit 3'; echo "out $?"`)).out).toBe('in\nout 3\n');
    expect((await sh("printf '%s=%d\\n' a 1 b 2")).out).toBe('a=1\nb=2\n');
  });
});
