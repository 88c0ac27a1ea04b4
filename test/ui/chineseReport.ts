// The UI check's Chinese pass (issue 11): the packaged extension in a second code-server whose
// display language is zh-cn (scripts/vscode/code-server.ts `displayLanguage`: VS Code's own
// menus stay English, the extension runs in Chinese), the Chinese 蓝莺IM sample evaluated
// from F1 with "SLA: 评估协议", and the report webview checked and photographed for the
// READMEs (docs/images/vscode-report.zh-CN.png).
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/vscode/browser';
import { codeServerCli, codeServerDirs, startCodeServer } from '../../scripts/vscode/code-server';
import type { CodeServerInstall } from '../../scripts/vscode/provision';
import { makeScratch } from '../../scripts/vscode/scratch';
import { TIMEOUT_MS, parkMouse, quickOpen, runCommand, waitForWorkbench, webviewContent } from './workbench';

const SAMPLE = 'lanying-im.zh.sla';
/** What the page must show in Chinese: the heading, column headings and a status. */
const EXPECTED = ['SLA 报告：蓝莺IM', '开始', '样本数', '实际值', '目标值', '状态', '服务抵扣', '未达标', '应付服务抵扣'];

export interface ChineseReportSetup {
  root: string;
  vsix: string;
  install: CodeServerInstall;
  chromium: string;
  userSettings: Record<string, unknown>;
  /** Where the screenshot goes (test-output/ui/report.zh-CN.png), then copied to docs/images. */
  shots: string;
}

/** Runs the Chinese pass; resolves with what it saw, rejects naming what was missing. */
export async function checkChineseReport(setup: ChineseReportSetup): Promise<string> {
  const scratch = makeScratch(setup.root, 'ui-check-zh');
  const dirs = codeServerDirs(scratch.dir);
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(setup.userSettings, null, 2));
  mkdirSync(join(scratch.workspace, '.vscode'), { recursive: true });
  writeFileSync(join(scratch.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'sla.metrics': ['metrics/zh'] }, null, 2));
  codeServerCli({ install: setup.install, dataDir: scratch.dir, env: scratch.env }, ['--install-extension', setup.vsix]);

  const server = await startCodeServer({ install: setup.install, dataDir: scratch.dir, env: scratch.env, smokeTestDriver: false, displayLanguage: 'zh-cn' });
  const { page } = await launchBrowser({ executablePath: setup.chromium, dataDir: scratch.dir, env: scratch.env, viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(scratch.workspace)}`);
  await waitForWorkbench(page);
  await quickOpen(page, SAMPLE);
  // The command's title comes from package.nls.zh-cn.json.
  await runCommand(page, 'SLA: 评估协议');
  const report = webviewContent(page);
  await report.locator('table').first().waitFor({ state: 'visible', timeout: 90_000 });
  await report.locator('svg').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const text = await report.locator('body').innerText();
  await parkMouse(page);
  const shot = join(setup.shots, 'report.zh-CN.png');
  await page.screenshot({ path: shot });
  const missing = EXPECTED.filter((word) => !text.includes(word));
  if (missing.length > 0) throw new Error(`the Chinese report lacks ${missing.join(', ')}`);
  mkdirSync(join(setup.root, 'docs', 'images'), { recursive: true });
  copyFileSync(shot, join(setup.root, 'docs', 'images', 'vscode-report.zh-CN.png'));
  return `report in Chinese: ${EXPECTED.join(', ')}`;
}
