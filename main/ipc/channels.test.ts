import { beforeEach, expect, it } from 'vitest';
import * as electron from '../../test/fakes/electron.js';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../common/ipc/contract.js';
import { resetElectronFake } from '../../test/fakes/electron.js';
import { createDispatch } from './dispatch.js';
import { serveOverElectron, type IpcMainLike } from './electron-transport.js';
import { allHandlers, type Services } from './register.js';
import { payloadSchemas } from './schemas.js';

beforeEach(() => resetElectronFake());

const unused = async (): Promise<never> => {
  throw new Error('not called');
};
const services: Services = {
  appInfo: unused, listDevices: unused, runAudit: unused, getSettings: unused, setSettings: unused, chooseAdb: unused, openExternal: unused,
  listPackages: unused, planFix: unused, applyFix: unused, setAnswer: unused, exportReport: unused,
  listCredentials: unused, setCredential: unused, clearCredential: unused, checkPush: unused, sendPush: unused,
};

// A changed channel list shows up here in review: the contract between main and the page moved.
it('registers exactly the channels of the contract', () => {
  const dispatch = createDispatch(allHandlers(services, services), { trustedOrigins: ['app://bundle'] });
  serveOverElectron(dispatch, { ipcMain: electron.ipcMain as unknown as IpcMainLike, receivers: () => [] });
  expect(electron.ipcMain.channels()).toMatchInlineSnapshot(`
    [
      "answer:set",
      "app:info",
      "audit:run",
      "credentials:clear",
      "credentials:list",
      "credentials:set",
      "device:list",
      "device:packages",
      "fix:apply",
      "fix:plan",
      "push:check",
      "push:send",
      "report:export",
      "settings:choose-adb",
      "settings:get",
      "settings:set",
      "shell:open-external",
    ]
  `);
  expect(electron.ipcMain.channels()).toEqual([...INVOKE_CHANNELS].sort());
  expect(Object.keys(payloadSchemas).sort()).toEqual([...INVOKE_CHANNELS].sort());
  expect([...EVENT_CHANNELS].sort()).toMatchInlineSnapshot(`
    [
      "audit:progress",
      "device:event",
      "push:progress",
    ]
  `);
});

it('names every channel domain:verb', () => {
  for (const channel of [...INVOKE_CHANNELS, ...EVENT_CHANNELS]) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
});
