// Playwright helpers for code-server's workbench, doing what a person does: quick open a
// file, run a command from F1, read what the editor shows. Selectors are VS Code's own
// DOM classes (monaco-editor, quick-input-widget, suggest-widget, squiggly-error).
import type { FrameLocator, Locator, Page } from 'playwright-core';

export const TIMEOUT_MS = 30_000;

// Runs inside the page (evaluate callbacks); the project's TypeScript has no DOM library.
declare function getComputedStyle(element: unknown): { color: string };

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer shows the workspace's files once the remote connection is up.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** Opens a file with Quick Open (Ctrl+P), as a user does, and waits for its editor. */
export async function quickOpen(page: Page, fileName: string): Promise<Locator> {
  // The file's tab must end up the active one. A file already open in the background is
  // reached through its tab: quick open's list re-sorts while it filters, and a click could
  // land on a neighbour (`lanying-im.zh.sla` for `lanying-im.sla`).
  const openTab = page.locator(`.editor-group-container.active .tabs-container .tab[data-resource-name="${fileName}"]`);
  if ((await openTab.count()) > 0) {
    await openTab.first().click();
  } else {
    await focusWorkbench(page);
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await input.fill(fileName);
    // Click the entry named exactly fileName: Enter could pick the previous first entry while the list filters.
    const exactName = new RegExp(`^\\s*${fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    const row = page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: exactName }) })
      .first();
    await row.waitFor({ timeout: TIMEOUT_MS });
    await row.click();
    await closed(page);
  }
  await parkMouse(page);
  const tab = page.locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name="${fileName}"]`);
  await tab.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const editor = activeEditor(page);
  await editor.locator('.view-line').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return editor;
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** Runs a command from the command palette (F1), by the label a user reads. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await row.click();
  await parkMouse(page);
  await closed(page);
}

/** Moves the mouse to the empty part of the activity bar, where it raises no hover. */
export async function parkMouse(page: Page): Promise<void> {
  await page.mouse.move(24, 600);
}

/** Waits until the quick input (palette, quick open, go to line) has closed. */
async function closed(page: Page): Promise<void> {
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
}

/** Puts the cursor at the end of line `lineNumber` (1-based), via Go to Line (Ctrl+G). */
export async function cursorAtEndOfLine(page: Page, editor: Locator, lineNumber: number): Promise<void> {
  await editor.click({ position: { x: 200, y: 10 } });
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(`:${lineNumber}`);
  await page.keyboard.press('Enter');
  await closed(page);
  await page.keyboard.press('End');
}

async function focusWorkbench(page: Page): Promise<void> {
  // A press outside any input, so that shortcuts reach the workbench.
  if (await page.locator('.quick-input-widget input').isVisible()) await page.keyboard.press('Escape');
}

/**
 * The computed colour of the first token span in the editor whose text is exactly `text`,
 * or starts with it when `prefix` is set (strings and comments may be split in spans).
 */
export async function tokenColour(editor: Locator, text: string, prefix = false): Promise<string | undefined> {
  return editor.locator('.view-line span span').evaluateAll(
    (spans, [wanted, byPrefix]) => {
      const span = spans.find((s) => {
        const content = s.textContent?.trim() ?? '';
        return byPrefix ? content.startsWith(wanted as string) : content === wanted;
      });
      return span ? getComputedStyle(span).color : undefined;
    },
    [text, prefix] as const,
  );
}

export async function editorForeground(editor: Locator): Promise<string> {
  return editor.locator('.view-lines').evaluate((el) => getComputedStyle(el).color);
}

/** The report webview's document: VS Code nests it in two iframes. */
export function webviewContent(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}
