import { describe, expect, it } from 'vitest';
import { buildSheet, ev, runRule } from '../sheets.test-helper.js';
import { consoleCertificate } from './console-certificate.js';
import { pushTokenReported } from './push-token-reported.js';
import { vendorClassification } from './vendor-classification.js';
import { vendorDailyLimit } from './vendor-daily-limit.js';

describe('vendor-classification and vendor-daily-limit', () => {
  it('gives vivo advice on system vs operational messages and the 07:00–23:00 window', () => {
    expect(runRule(vendorClassification, buildSheet('vivo'))?.detail).toMatch(/system and operational/);
    const limit = runRule(vendorDailyLimit, buildSheet('vivo'));
    expect(limit?.severity).toBe('info');
    expect(limit?.detail).toContain('07:00–23:00');
    expect(limit?.remedy).toContain('dev.vivo.com.cn');
  });

  it('gives Huawei advice on self-classification', () => {
    expect(runRule(vendorClassification, buildSheet('huawei'))?.detail).toMatch(/self-classification/);
  });

  it('gives Xiaomi advice on important vs general messages', () => {
    expect(runRule(vendorClassification, buildSheet('xiaomi'))?.detail).toMatch(/important and general/);
  });

  it('is unknown when the channel is unknown', () => {
    const sheet = buildSheet('xiaomi', { device: { pushChannel: null, brand: null } });
    expect(runRule(vendorDailyLimit, sheet)?.severity).toBe('unknown');
  });

  it('does not apply to a phone without a channel', () => {
    expect(runRule(vendorClassification, buildSheet('none'))).toBeNull();
  });
});

describe('push-token-reported', () => {
  it('is ok when setOfflinePushToken success was logged, naming the certificate ID', () => {
    const f = runRule(pushTokenReported, buildSheet());
    expect(f?.severity).toBe('ok');
    expect(f?.detail).toContain('36598');
    expect(f?.evidence[0]?.excerpt).toContain('setOfflinePushToken success');
  });

  it('explains an IM error code from the setOfflinePushToken line', () => {
    const line = 'setOfflinePushToken err code = 6014 desc = sdk not login';
    const f = runRule(pushTokenReported, buildSheet('xiaomi', {
      pushLog: { tokenReported: false, lastError: line },
      evidence: { 'pushLog.lastError': [ev('logcat -d', `11-25 10:00:01.234  4242  4301 D TUIOfflinePush-TUIOfflinePushManager: ${line}`)] },
    }));
    expect(f?.severity).toBe('error');
    expect(f?.detail).toContain('not logged in');
    expect(f?.evidence[0]?.excerpt).toContain('err code = 6014');
  });

  it('explains an HMS error code found inside the vendor exception', () => {
    const line = 'onTokenErrorCallBack code = -1, code des = huawei ApiException: 907135702: certificate fingerprint is empty';
    const f = runRule(pushTokenReported, buildSheet('huawei', { pushLog: { tokenReported: false, lastError: line } }));
    expect(f?.detail).toContain('SHA-256 fingerprint');
  });

  it('explains vivo state 101 as an unsupported phone', () => {
    const f = runRule(pushTokenReported, buildSheet('vivo', { pushLog: { tokenReported: false, lastError: 'vivopush open vivo push fail state = 101' } }));
    expect(f?.detail).toMatch(/not supported on this model/);
  });

  it('warns when a token was received but never reported to IM', () => {
    const f = runRule(pushTokenReported, buildSheet('xiaomi', { pushLog: { tokenReported: false, tokenReceived: true } }));
    expect(f?.severity).toBe('warning');
  });

  it('is unknown, asking for a login and re-run, when the log holds no registration line', () => {
    const f = runRule(pushTokenReported, buildSheet('xiaomi', { pushLog: { tokenReported: null, tokenReceived: null, businessId: null } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.remedy).toMatch(/Start the app and log in/);
  });

  it('is unknown with the reason when logcat could not be read', () => {
    const f = runRule(pushTokenReported, buildSheet('xiaomi', { pushLog: null, unknown: { pushLog: 'logcat -d returned no output' } }));
    expect(f?.severity).toBe('unknown');
    expect(f?.detail).toContain('logcat -d returned no output');
  });

  it('does not apply to a phone without a channel', () => {
    expect(runRule(pushTokenReported, buildSheet('none'))).toBeNull();
  });
});

describe('console-certificate', () => {
  it('asks the engineer to match the logged certificate ID against the console', () => {
    const f = runRule(consoleCertificate, buildSheet('oppo'));
    expect(f?.severity).toBe('manual');
    expect(f?.detail).toContain('36598');
    expect(f?.remedy).toContain('tool-push-check');
  });
});
