import { chromium } from 'playwright-core';

/**
 * The HTML report printed to PDF by an installed Chromium, headless: one renderer for both formats, so the
 * PDF says exactly what the HTML says. The page gets no network at all (every request is aborted; the report
 * is self-contained), and the browser runs with the flags that keep it off the network at start-up.
 */
export interface PdfOptions {
  /** From findChromium(). */
  executablePath: string;
  signal?: AbortSignal;
}

const FLAGS = [
  '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-extensions', '--disable-default-apps',
];

export async function renderPdf(html: string, { executablePath, signal }: PdfOptions): Promise<Buffer> {
  signal?.throwIfAborted();
  // As root (CI, containers) Chromium refuses to start with its sandbox; nothing but our own file is loaded.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await chromium.launch({ executablePath, args: FLAGS, chromiumSandbox: !asRoot, headless: true });
  const abort = (): void => { void browser.close(); };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '16mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#57606a">Push Doctor · <span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    signal?.throwIfAborted();
    return pdf;
  } finally {
    signal?.removeEventListener('abort', abort);
    await browser.close();
  }
}
