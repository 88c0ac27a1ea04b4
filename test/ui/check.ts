// `npm run test:ui`: the packaged extension as a person meets it. Installs
// sla-language-tools.vsix into a fresh code-server (no test hooks), opens
// samples/lanying-im.sla in Chromium and checks through the page what a person would see:
// syntax colours, a squiggle on a broken sample, the outline, a completion list after
// typing, "SLA: Evaluate Contract" run from F1 and the report webview with its table and
// chart. Screenshots go to test-output/ui/ (kept by CI); one is copied to docs/images/.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/vscode/browser';
import { closeAll } from '../../scripts/vscode/cleanup';
import { codeServerCli, codeServerDirs, startCodeServer } from '../../scripts/vscode/code-server';
import { log } from '../../scripts/vscode/log';
import { ensureChromium, ensureCjkFont, ensureCodeServer, ensurePdfRasteriser } from '../../scripts/vscode/provision';
import { makeScratch } from '../../scripts/vscode/scratch';
import { checkChineseReport } from './chineseReport';
import {
  TIMEOUT_MS,
  activeEditor,
  cursorAtEndOfLine,
  editorForeground,
  parkMouse,
  quickOpen,
  runCommand,
  tokenColour,
  waitForWorkbench,
  webviewContent,
} from './workbench';
import { checkReportHtml } from './reportHtml';

const ROOT = resolve(import.meta.dirname, '..', '..');
const VSIX = join(ROOT, 'sla-language-tools.vsix');
const SHOTS = join(ROOT, 'test-output', 'ui');
/** The screenshot the README shows. */
const README_SHOT = { from: 'report.png', to: join(ROOT, 'docs', 'images', 'vscode-report.png') };
const SAMPLE = 'lanying-im.sla';
const BROKEN = 'unknown-names.sla';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'outline.collapseItems': 'alwaysCollapse',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  // The completion step types into the sample and reverts it: nothing may save it meanwhile.
  'files.autoSave': 'off',
  // The secondary side bar (chat) would take a third of the screenshots.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

interface Step {
  name: string;
  run: (page: Page) => Promise<string | void>;
}

const results: { name: string; ok: boolean; detail: string }[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await parkMouse(page);
  await page.screenshot({ path: join(SHOTS, name) });
}

function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found in ${SAMPLE}`);
  return text.slice(0, at).split('\n').length;
}

function steps(sampleText: string): Step[] {
  return [
    {
      name: 'syntax colours on keywords',
      run: async (page) => {
        const editor = await quickOpen(page, SAMPLE);
        await editor.locator('.view-line', { hasText: 'sla LanyingIM' }).waitFor({ timeout: TIMEOUT_MS });
        const plain = await editorForeground(editor);
        // Tokenisation paints the lines after they are shown: wait until `sla` is a span of its own.
        let keyword = await tokenColour(editor, 'sla');
        for (const started = Date.now(); (!keyword || keyword === plain) && Date.now() - started < TIMEOUT_MS; ) {
          await page.waitForTimeout(200);
          keyword = await tokenColour(editor, 'sla');
        }
        const string = await tokenColour(editor, '"', true);
        const comment = await tokenColour(editor, '//', true);
        await shot(page, 'editor.png');
        if (!keyword) throw new Error('no token span `sla` in the editor');
        if (keyword === plain) throw new Error(`the keyword \`sla\` has the plain text colour ${plain}`);
        if (!string || string === keyword || string === plain) throw new Error(`strings are not coloured apart: ${string}`);
        if (!comment || comment === keyword || comment === plain) throw new Error(`comments are not coloured apart: ${comment}`);
        return `keyword ${keyword}, string ${string}, comment ${comment}, plain ${plain}`;
      },
    },
    {
      name: 'outline of the contract',
      run: async (page) => {
        await quickOpen(page, SAMPLE);
        // Room for the outline: fold the explorer's file tree, as a person would.
        await page.locator('.pane-header[aria-label^="Explorer Section"]').first().click();
        await runCommand(page, 'Explorer: Focus on Outline View');
        const outline = page.locator('.pane-body.outline-pane .monaco-list');
        const root = outline.locator('.monaco-list-row', { hasText: 'LanyingIM' }).first();
        await root.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
        // Items start collapsed (outline.collapseItems): open the sla to see its parts.
        if ((await root.getAttribute('aria-expanded')) === 'false') await root.locator('.monaco-tl-twistie').click();
        await outline.locator('.monaco-list-row', { hasText: 'latency_p95' }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
        await shot(page, 'outline.png');
        const rows = await outline.locator('.monaco-list-row').allInnerTexts();
        for (const name of ['chat_api', 'business_hours', 'probe', 'uptime', 'latency_p95']) {
          if (!rows.some((r) => r.includes(name))) throw new Error(`the outline lacks ${name}`);
        }
        return `${rows.length} rows shown, among them chat_api, business_hours, probe, uptime, latency_p95`;
      },
    },
    {
      name: 'completion list after typing',
      run: async (page) => {
        let items: string[] = [];
        const editor = await quickOpen(page, SAMPLE);
        await cursorAtEndOfLine(page, editor, lineOf(sampleText, '    target p95 <= 500ms'));
        try {
          await page.keyboard.press('Enter');
          await page.keyboard.type('dur', { delay: 50 });
          const widget = page.locator('.editor-widget.suggest-widget.visible');
          try {
            await widget.waitFor({ state: 'visible', timeout: 5_000 });
          } catch {
            await page.keyboard.press('Control+Space');
            await widget.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
          }
          await widget.locator('.monaco-list-row', { hasText: 'during' }).first().waitFor({ timeout: TIMEOUT_MS });
          items = await widget.locator('.monaco-list-row').allInnerTexts();
          await shot(page, 'completion.png');
        } finally {
          // Leave the sample as it was for the next steps.
          await page.keyboard.press('Escape');
          await runCommand(page, 'File: Revert File');
          await page.locator(`.tabs-container .tab.dirty[data-resource-name="${SAMPLE}"]`).waitFor({ state: 'detached', timeout: TIMEOUT_MS });
        }
        return `${items.length} item(s): ${items.map((i) => i.split('\n')[0]).join(', ')}`;
      },
    },
    {
      name: 'squiggle on a broken sample',
      run: async (page) => {
        const editor = await quickOpen(page, BROKEN);
        await editor.locator('.squiggly-error').first().waitFor({ state: 'attached', timeout: TIMEOUT_MS });
        const count = await editor.locator('.squiggly-error').count();
        await shot(page, 'squiggle.png');
        return `${count} error squiggle(s) in ${BROKEN}`;
      },
    },
    {
      name: '"SLA: Evaluate Contract" from F1 shows the report with a table and a chart',
      run: async (page) => {
        await quickOpen(page, SAMPLE);
        await page.keyboard.press('F1');
        await page.locator('.quick-input-widget input').fill('>SLA: Evaluate');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'SLA: Evaluate Contract' }).first().waitFor({ timeout: TIMEOUT_MS });
        await shot(page, 'command-palette.png');
        await page.keyboard.press('Escape');
        await runCommand(page, 'SLA: Evaluate Contract');
        const report = webviewContent(page);
        await report.locator('table').first().waitFor({ state: 'visible', timeout: 90_000 });
        await report.locator('svg').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
        const tables = await report.locator('table').count();
        const text = await report.locator('body').innerText();
        await shot(page, 'report.png');
        for (const name of ['uptime', 'latency_p95']) if (!text.includes(name)) throw new Error(`the report does not mention ${name}`);
        return `${tables} table(s), chart present`;
      },
    },
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
  const chromium = ensureChromium();
  if (!chromium.path) {
    if (process.env.CI === 'true' || process.env.CI === '1') {
      log(`FAILED: no Chromium for the UI check: ${chromium.reason}`);
      return 1;
    }
    log(`SKIPPED: the UI check needs Chromium, and none could be found or installed: ${chromium.reason}. Under CI=true this is a failure.`);
    return 0;
  }
  const fontProblem = ensureCjkFont();
  if (fontProblem) log(`note: Chinese text will show as boxes in the screenshots (${fontProblem})`);
  const pdfProblem = ensurePdfRasteriser();
  if (pdfProblem) log(`note: the printed report's check will fail without pdftoppm (${pdfProblem})`);
  const install = ensureCodeServer();
  const scratch = makeScratch(ROOT, 'ui-check');
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });

  const dirs = codeServerDirs(scratch.dir);
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const metrics = existsSync(join(scratch.workspace, 'metrics', 'csv')) ? 'metrics/csv' : 'metrics';
  mkdirSync(join(scratch.workspace, '.vscode'), { recursive: true });
  writeFileSync(join(scratch.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'sla.metrics': [metrics] }, null, 2));

  const installed = codeServerCli({ install, dataDir: scratch.dir, env: scratch.env }, ['--install-extension', VSIX]);
  log(`installed ${VSIX} (${(statSync(VSIX).size / 1024).toFixed(0)} KiB): ${installed.trim().split('\n').pop()}`);

  const server = await startCodeServer({ install, dataDir: scratch.dir, env: scratch.env, smokeTestDriver: false });
  const browser = await launchBrowser({ executablePath: chromium.path, dataDir: scratch.dir, env: scratch.env, viewport: { width: 1440, height: 900 } });
  const { page } = browser;
  await page.goto(`${server.url}/?folder=${encodeURIComponent(scratch.workspace)}`);
  await waitForWorkbench(page);

  const sampleText = readFileSync(join(scratch.workspace, SAMPLE), 'utf8');
  // Issue 11: the report once more in a VS Code whose display language is Chinese.
  const chinese: Step = {
    name: 'the report in Chinese (display language zh-cn)',
    run: () => checkChineseReport({ root: ROOT, vsix: VSIX, install, chromium: chromium.path!, userSettings: USER_SETTINGS, shots: SHOTS }),
  };
  for (const step of [...steps(sampleText), chinese]) {
    const stepStarted = Date.now();
    try {
      const detail = (await step.run(page)) ?? '';
      results.push({ name: step.name, ok: true, detail });
      log(`ok    ${step.name} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s) ${detail}`);
    } catch (error) {
      // Playwright's first line says what timed out, a later one which element it waited for.
      const lines = (error as Error).message.split('\n');
      const detail = [lines[0], lines.find((l) => /waiting for/.test(l))?.trim()].filter(Boolean).join(' — ');
      results.push({ name: step.name, ok: false, detail });
      log(`FAIL  ${step.name}: ${detail}`);
      await shot(page, `failed-${results.length}.png`).catch(() => undefined);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  results.push(...(await checkReportHtml(browser.context, SHOTS)));
  if (existsSync(join(SHOTS, README_SHOT.from))) {
    mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
    copyFileSync(join(SHOTS, README_SHOT.from), README_SHOT.to);
  }
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`ui: ${results.length - failed} passed, ${failed} failed\n`);
  log(`screenshots in ${SHOTS}; UI check took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed === 0 ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`FAILED: ${(error as Error).message}`);
} finally {
  await closeAll();
}
process.exit(exitCode);
