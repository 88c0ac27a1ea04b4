/**
 * Marks the suite's report lines in the extension host's console, which reaches the
 * launcher (scripts/vscode/test-code-server.ts) mixed with the workbench's own log.
 */
export const REPORT_MARK = '\u200b[sla-suite]';
