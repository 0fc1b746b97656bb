import { describe, expect, it } from 'vitest';
import { HINTS, hints, STATE_HINTS, stateHints } from '../../common/domain/device-hints.js';
import { localizeError } from '../../common/i18n/render-finding.js';
import { adbMissingError, localizedError, notFoundError, stateError, timeoutError, unreachableError } from './adb-errors.js';
import { asDeviceError } from '../audit/audit-device.js';

describe('device port errors in the reader\'s language', () => {
  it('keep their English text for logs and the contract', () => {
    const e = stateError('R58M', 'unauthorized');
    expect(e.message).toBe('R58M has not authorized this computer');
    expect(e.hint).toBe(STATE_HINTS.unauthorized);
    expect(HINTS.noPermissions).toContain('ATTR{idVendor}=="<vendor id>"');
    expect(timeoutError('R58M', '`dumpsys package`', 30000).message).toBe('`dumpsys package` on R58M took longer than 30000 ms');
  });

  it('say the message and what to do in Chinese, commands and serials as they are', () => {
    expect(localizedError(stateError('R58M', 'unauthorized'), 'zh-CN')).toEqual({ message: 'R58M 尚未授权这台电脑', hint: stateHints('zh-CN').unauthorized });
    expect(localizedError(notFoundError('X1'), 'zh-CN').hint).toContain('`adb devices`');
    const unreachable = localizedError(unreachableError('127.0.0.1:5037', 'ECONNREFUSED', null), 'zh-CN');
    expect(unreachable.message).toBe('无法连接 127.0.0.1:5037 上的 adb 服务器：ECONNREFUSED');
    expect(unreachable.hint).toContain('`adb -P 5037 start-server`');
    expect(hints('zh-CN').noPermissions).toContain('ATTR{idVendor}=="<vendor id>"');
    // find-adb's own detail (paths on this machine) is not ours to translate.
    expect(localizedError(adbMissingError('looked in /usr/bin'), 'zh-CN')).toEqual({ message: '未找到 adb（Android 调试桥）', hint: 'looked in /usr/bin' });
  });

  it('re-render in a report from the ids they carry', () => {
    const error = asDeviceError(stateError('R58M', 'offline'));
    expect(error.message).toBe(`R58M is offline. ${HINTS.offline}`);
    expect(localizeError(error, 'zh-CN').message).toBe(`R58M 处于离线状态。${hints('zh-CN').offline}`);
  });
});
