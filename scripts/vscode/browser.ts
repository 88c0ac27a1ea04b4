// Debian's Chromium driven by playwright-core (no browser download), with a fresh profile in
// the run's scratch folder and the flags that keep it off this machine's closed network.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { join } from 'node:path';
import { registerResource } from './cleanup';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(options: {
  executablePath: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  viewport?: { width: number; height: number };
}): Promise<Browser> {
  const context = await chromium.launchPersistentContext(join(options.dataDir, 'chromium-profile'), {
    executablePath: options.executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: options.env as Record<string, string>,
    viewport: options.viewport ?? { width: 1600, height: 1000 },
    // Our own handlers close the browser; Playwright still kills it on process exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close();
  };
  const unregister = registerResource({
    name: 'Chromium',
    close,
    // Playwright's own process 'exit' hook sends SIGKILL to the browser's process group.
    kill: () => undefined,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await close();
      unregister();
    },
  };
}
