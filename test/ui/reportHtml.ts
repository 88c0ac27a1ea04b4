// Part of `npm run test:ui`: the customer report (`sla report`, HTML) as a customer opens it.
// The built CLI writes the report of the bundled sample; Debian's Chromium opens the file
// with every request other than the file itself refused, and we check what a reader sees
// (the title, one chart per objective with its points, no console error), then print it to
// PDF (A4, Chromium's Page.printToPDF) and turn the first page into the README's picture
// with pdftoppm (poppler-utils).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { log } from '../../scripts/vscode/log';

const ROOT = join(import.meta.dirname, '..', '..');
/** The picture the README shows. */
const README_IMAGE = join(ROOT, 'docs', 'images', 'report-pdf.png');

export interface ReportCheckResult {
  name: string;
  ok: boolean;
  detail: string;
}

/** Runs the report's checks in a new page of `context`; files go to `outDir`. Never throws. */
export async function checkReportHtml(context: BrowserContext, outDir: string): Promise<ReportCheckResult[]> {
  const results: ReportCheckResult[] = [];
  const step = async (name: string, run: () => Promise<string>) => {
    try {
      const detail = await run();
      results.push({ name, ok: true, detail });
      log(`ok    ${name} ${detail}`);
    } catch (error) {
      results.push({ name, ok: false, detail: (error as Error).message.split('\n')[0] });
      log(`FAIL  ${name}: ${(error as Error).message.split('\n')[0]}`);
    }
  };
  mkdirSync(outDir, { recursive: true });
  const html = join(outDir, 'customer-report.html');
  const pdf = join(outDir, 'customer-report.pdf');

  await step('sla report writes the HTML report of the sample', async () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'report', 'samples/lanying-im.sla', '--metrics', 'samples/metrics/csv', '-o', html], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
    });
    if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr.trim()}`);
    return run.stderr.trim();
  });
  if (!existsSync(html)) return results;

  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const fileUrl = pathToFileURL(html).href;
  // The report must need nothing but itself: any other request is refused and counted.
  await page.route('**/*', (route) => {
    if (route.request().url() === fileUrl) return route.continue();
    problems.push(`request for ${route.request().url()}`);
    return route.abort();
  });
  try {
    await step('the report renders in Chromium: title, three daily charts, no console error, no other request', async () => {
      await page.goto(fileUrl);
      const title = page.locator('h1');
      await title.waitFor({ state: 'visible', timeout: 10_000 });
      const heading = (await title.textContent())?.trim();
      if (heading !== '蓝莺IM 企业级聊天云服务 (LanyingIM)') throw new Error(`the title reads ${JSON.stringify(heading)}`);
      const charts = page.locator('svg.chart');
      const count = await charts.count();
      if (count !== 3) throw new Error(`${count} charts, expected 3`);
      for (let i = 0; i < count; i++) {
        const box = await charts.nth(i).boundingBox();
        if (!box || box.width < 300 || box.height < 80) throw new Error(`chart ${i + 1} is ${box ? `${box.width}×${box.height}` : 'not'} laid out`);
      }
      const points = await page.locator('svg.chart circle.point').count();
      if (points < 17 + 31 + 2) throw new Error(`only ${points} daily points drawn`);
      if (problems.length > 0) throw new Error(problems.join('; '));
      return `${count} charts, ${points} daily points`;
    });
    await step('the report prints to PDF (A4) and its first page is the README picture', async () => {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
      const bytes = readFileSync(pdf);
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the PDF file does not start with %PDF-');
      const pages = bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      if (pages < 2) throw new Error(`${pages} page(s): the report should take a few A4 pages`);
      const prefix = join(outDir, 'customer-report-page');
      const raster = spawnSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, prefix], { encoding: 'utf8' });
      if (raster.error || raster.status !== 0) throw new Error(`pdftoppm (poppler-utils) could not turn the first page into a PNG: ${raster.error?.message ?? raster.stderr.trim()}`);
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(`${prefix}.png`, README_IMAGE);
      if (problems.length > 0) throw new Error(problems.join('; '));
      return `${pages} A4 pages, ${(bytes.length / 1024).toFixed(0)} KiB; first page → docs/images/report-pdf.png`;
    });
  } finally {
    await page.close().catch(() => undefined);
  }
  return results;
}
