import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import type { PdfPrinter } from './report-export.js';

interface PrintWindow {
  webContents: Pick<WebContents, 'printToPDF'>;
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

/**
 * The report's PDF from the app's own Chromium: the HTML writer's page loaded into a hidden window that
 * runs no script and reaches nothing (the report's CSP forbids it too), printed with webContents.printToPDF,
 * then closed.
 */
export function electronPdfPrinter(createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow): PdfPrinter {
  return async (html) => {
    const window = createWindow({
      show: false,
      webPreferences: { sandbox: true, javascript: false, contextIsolation: true, nodeIntegration: false, offscreen: true },
    });
    try {
      await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
    }
  };
}
