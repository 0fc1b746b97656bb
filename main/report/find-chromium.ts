import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * The installed Chromium-based browser the CLI prints PDFs with (the app uses Electron's own printToPDF).
 * playwright-core drives it but ships no browser, and a download is no option for a support engineer's
 * machine or CI; so we look where each OS's packages put one, after an explicit override.
 */
export interface ChromiumSearch {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  isExecutable?: (file: string) => Promise<boolean>;
}

export type ChromiumLocation = { found: true; path: string } | { found: false; message: string; looked: string[] };

export function chromiumCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const override = [env.PUSH_DOCTOR_CHROMIUM, env.CHROME_PATH].filter((p): p is string => Boolean(p));
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((p): p is string => Boolean(p));
    return [
      ...override,
      ...roots.flatMap((r) => [
        path.win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        path.win32.join(r, 'Chromium', 'Application', 'chrome.exe'),
      ]),
    ];
  }
  if (platform === 'darwin') {
    return [
      ...override,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    ...override,
    '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge', '/snap/bin/chromium',
  ];
}

const INSTALL: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`',
  darwin: '`brew install --cask chromium`, or install Google Chrome',
  win32: 'install Google Chrome (Microsoft Edge, which Windows ships, also works)',
};

export async function findChromium({ env, platform, isExecutable = executable }: ChromiumSearch): Promise<ChromiumLocation> {
  const looked = chromiumCandidates(env, platform);
  for (const file of looked) {
    if (await isExecutable(file)) return { found: true, path: file };
  }
  return {
    found: false,
    looked,
    message: 'No Chromium-based browser was found to print the PDF. '
      + `Install one (${INSTALL[platform] ?? 'Chromium or Google Chrome'}), or set PUSH_DOCTOR_CHROMIUM to its path. `
      + 'The same report as HTML needs no browser: --format html.',
  };
}

async function executable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
