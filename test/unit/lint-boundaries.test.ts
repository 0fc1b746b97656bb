import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;

// Loading the config and parsers takes seconds; do it once, outside the tests' own timeouts.
beforeAll(async () => {
  eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
  await eslint.lintText('export {};\n', { filePath: 'main/x.ts' });
}, 60_000);

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint boundaries', () => {
  it.each([
    'common/x.ts', 'main/services/x.ts', 'main/log/x.ts', 'main/util/x.ts', 'main/probes/x.ts', 'main/diagnosis/rules/x.ts', 'main/report/x.ts', 'main/adb/x.ts',
    'main/audit/x.ts', 'main/capture/x.ts', 'main/cli/commands/x.ts', 'test/sim/android/x.ts', 'renderer/src/x.tsx',
    'main/ipc/dispatch.ts', 'main/ipc/device-handlers.ts',
  ])('forbids electron in %s', async (file) => {
    expect(await restricted(file, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it.each(['main/app/window.ts', 'main/index.ts', 'main/app/crash-handler.ts', 'preload/other.ts'])(
    'forbids raw ipcMain / ipcRenderer in %s',
    async (file) => {
      const messages = await restricted(file, "import { ipcMain, ipcRenderer } from 'electron';\nexport const a = [ipcMain, ipcRenderer];\n");
      expect(messages).toHaveLength(2);
      expect(messages[0]).toContain('main/ipc/electron-transport.ts');
    },
  );

  it('allows other Electron modules in main/app', async () => {
    expect(await restricted('main/app/window.ts', "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;\n")).toEqual([]);
  });

  it.each(['main/ipc/electron-transport.ts', 'preload/index.ts', 'test/fakes/x.ts'])('lets %s use raw IPC', async (file) => {
    expect(await restricted(file, "import { ipcMain, ipcRenderer } from 'electron';\nexport const a = [ipcMain, ipcRenderer];\n")).toEqual([]);
  });
});

describe('layer direction', () => {
  it.each([
    ['common/domain/x.ts', "import { a } from '../../main/adb/device-port.js';\nexport const b = a;\n"],
    ['common/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n"],
    ['renderer/src/x.tsx', "import { a } from '../../main/report/redact.js';\nexport const b = a;\n"],
    ['main/probes/x.ts', "import { a } from '../diagnosis/diagnose.js';\nexport const b = a;\n"],
    ['main/diagnosis/rules/x.ts', "import { a } from '../../probes/probe-plan.js';\nexport const b = a;\n"],
    ['main/adb/x.ts', "import { a } from '../app/settings-store.js';\nexport const b = a;\n"],
    ['main/report/x.ts', "import { diagnose } from '../diagnosis/diagnose.js';\nexport const b = diagnose;\n"],
  ])('forbids the import in %s', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/x.tsx', "import { a } from '../../common/domain/report.js';\nexport const b = a;\n"],
    ['main/probes/x.ts', "import { a } from '../../common/domain/facts.js';\nexport const b = a;\n"],
    ['main/diagnosis/x.ts', "import { a } from '../../common/vendors/vendor-table.js';\nexport const b = a;\n"],
  ])('allows common/ from %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
