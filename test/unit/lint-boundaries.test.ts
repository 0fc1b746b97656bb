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
    'main/domain/x.ts', 'main/probes/x.ts', 'main/diagnosis/rules/x.ts', 'main/report/x.ts', 'main/adb/x.ts',
    'main/audit/x.ts', 'main/capture/x.ts', 'main/cli/commands/x.ts', 'test/sim/android/x.ts', 'renderer/src/x.tsx',
  ])('forbids electron in %s', async (file) => {
    expect(await restricted(file, "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
  });

  it.each(['main/app/window.ts', 'main/index.ts', 'main/ipc/device-handlers.ts', 'preload/other.ts'])(
    'forbids raw ipcMain / ipcRenderer in %s',
    async (file) => {
      const messages = await restricted(file, "import { ipcMain, ipcRenderer } from 'electron';\nexport const a = [ipcMain, ipcRenderer];\n");
      expect(messages).toHaveLength(2);
      expect(messages[0]).toContain('main/ipc/handle.ts');
    },
  );

  it('allows other Electron modules in main/app', async () => {
    expect(await restricted('main/app/window.ts', "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;\n")).toEqual([]);
  });

  it.each(['main/ipc/handle.ts', 'preload/index.ts', 'test/fakes/x.ts'])('lets %s use raw IPC', async (file) => {
    expect(await restricted(file, "import { ipcMain, ipcRenderer } from 'electron';\nexport const a = [ipcMain, ipcRenderer];\n")).toEqual([]);
  });
});
