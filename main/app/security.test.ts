import { describe, expect, it, vi } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { FakeWebContents } from '../../test/fakes/electron.js';
import { isAllowedExternalUrl } from './external-links.js';
import { VENDORS } from '../../common/vendors/vendor-table.js';
import { CONTENT_SECURITY_POLICY, denyAllPermissions, guardWebContents, securityHeaders, windowOptions } from './security.js';

describe('windowOptions', () => {
  // Pinned value by value: weakening any of these must fail here and be argued in review.
  it('isolates and sandboxes the page with no Node and no webview', () => {
    const prefs = windowOptions({ preload: '/app/out/preload/index.cjs', devTools: false }).webPreferences;
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('starts hidden so the page never flashes before it is ready', () => {
    expect(windowOptions({ preload: '/p.cjs', devTools: true }).show).toBe(false);
  });
});

describe('content security policy', () => {
  it('is the exact production policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('never allows inline or evaluated code', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|\*|http:|https:/);
  });

  it('goes out with nosniff and no referrer', () => {
    expect(securityHeaders()).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
});

describe('guardWebContents', () => {
  function guarded() {
    const contents = new FakeWebContents();
    const openExternal = vi.fn(async () => undefined);
    guardWebContents(contents as unknown as Parameters<typeof guardWebContents>[0], openExternal);
    return { contents, openExternal };
  }

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { contents } = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('opens no window, and sends only allow-listed https links to the browser', () => {
    const { contents, openExternal } = guarded();
    const open = (url: string) => contents.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' });
    expect(open('https://console.cloud.tencent.com/im/tool-push-check')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://console.cloud.tencent.com/im/tool-push-check']]);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    const session = electron.session.defaultSession;
    denyAllPermissions(session as unknown as Parameters<typeof denyAllPermissions>[0]);
    const granted = vi.fn();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      session.permissionRequestHandler?.(new FakeWebContents(), permission, granted, {});
      expect(session.permissionCheckHandler?.(null, permission, 'app://bundle', {})).toBe(false);
    }
    expect(granted.mock.calls.every(([g]) => g === false)).toBe(true);
    expect(granted).toHaveBeenCalledTimes(5);
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://dev.mi.com/console/', true],
    ['https://developer.android.com/tools/releases/platform-tools', true],
    // Listed in the vendor table, refused by the hand-kept host list this replaced.
    ['https://developer.honor.com/', true],
    ['https://developer.honor.com', true],
    ['https://tencentcloud.com/document/product/1047/66807', true],
    ['https://dev.mi.com/console/doc/detail?pId=2422', true],
    ['https://open.oppomobile.com/wiki/doc#id=11227', true],
    ['http://dev.mi.com/console/', false],
    ['https://user:pw@dev.mi.com/console/', false],
    ['https://dev.mi.com:8443/console/', false],
    ['https://dev.mi.com.evil.example/console/', false],
    ['https://evil.example/?u=https://dev.mi.com/console/', false],
    // Hosts and paths, not whole sites: another page of a listed host, or of a code-hosting site, stays shut.
    ['https://github.com/attacker/page', false],
    ['https://dev.mi.com/console/doc/detail?pId=666', false],
    ['https://developer.honor.com/anything/else', false],
    ['https://dontkillmyapp.com/xiaomi', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('allows every console and documentation URL of the vendor table', () => {
    const listed = Object.values(VENDORS).flatMap((v) => [...v.consoles.map((c) => c.url), ...v.restrictions.docs]);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.filter((url) => !isAllowedExternalUrl(url))).toEqual([]);
    for (const host of ['open.flyme.cn', 'open.res.flyme.cn', 'developer.honor.com', 'tencentcloud.com']) {
      expect(listed.some((u) => new URL(u).hostname === host)).toBe(true);
    }
    expect(isAllowedExternalUrl('http://open.flyme.cn/')).toBe(true);
    expect(isAllowedExternalUrl('http://open.flyme.cn/other')).toBe(false);
  });
});
