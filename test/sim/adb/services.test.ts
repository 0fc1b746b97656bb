import { describe, expect, it } from 'vitest';
import { fakeManifest } from './fake-phone.js';
import { advertisedFeatures, connectionBanner, routeService } from './services.js';

const all = new Set(advertisedFeatures(fakeManifest()));

describe('service routing', () => {
  it('sends the adb CLI shell,v2 request to the v2 framing with its command intact', () => {
    expect(routeService('shell,v2,TERM=xterm-256color,raw:getprop ro.product.model; echo a:b', all)).toEqual({
      kind: 'command',
      commandLine: 'getprop ro.product.model; echo a:b',
      framing: 'v2',
    });
  });

  it('falls back to raw framing for shell,v2 when the phone does not advertise shell_v2', () => {
    const old = new Set(advertisedFeatures(fakeManifest({ features: ['cmd'] })));
    expect(routeService('shell,v2,raw:id', old)).toMatchObject({ framing: 'raw' });
  });

  it('treats legacy shell:, exec: and abb_exec: as raw streams and abb: as v2', () => {
    expect(routeService("shell:(getprop) || echo 'x'", all)).toEqual({ kind: 'command', commandLine: "(getprop) || echo 'x'", framing: 'raw' });
    expect(routeService('exec:cat /data/local/tmp/a', all)).toMatchObject({ framing: 'raw' });
    expect(routeService('abb:package\0list\0packages', all)).toEqual({ kind: 'command', commandLine: 'cmd package list packages', framing: 'v2' });
    expect(routeService("abb_exec:notification\0post\0-t\0it's here", all)).toEqual({
      kind: 'command',
      commandLine: "cmd notification post -t 'it'\\''s here'",
      framing: 'raw',
    });
  });

  it('offers no service it does not implement', () => {
    for (const service of ['framebuffer:', 'reverse:list-forward', 'jdwp:1234', 'track-app', 'tcpip:5555', 'root:']) {
      expect(routeService(service, all)).toBeNull();
    }
    expect(routeService('abb:package\0list', new Set(['shell_v2']))).toBeNull();
  });

  it('builds the CNXN banner the way adbd does', () => {
    expect(connectionBanner(fakeManifest(), ['shell_v2', 'cmd'])).toBe(
      'device::ro.product.name=oriole;ro.product.model=Pixel 6;ro.product.device=oriole;features=shell_v2,cmd',
    );
  });
});
