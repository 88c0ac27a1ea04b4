// Diagnostics of `sla check` as text (path:line:col), JSON and SARIF 2.1.0.
import type { Diagnostic } from '../../server/src/language/diagnostics';
import { codeInfo, codeTitle, REFERENCE_URL } from '../../server/src/language/codes';
import type { Locale } from '../../server/src/l10n/index';
import { terminalLine } from '../../server/src/text/terminal';

export interface FileDiagnostics {
  file: string;
  diagnostics: Diagnostic[];
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

/** 1-based lines and columns, as editors and LANGUAGE.md's JSON format count them. */
export function toJson(results: FileDiagnostics[]): JsonDiagnostic[] {
  return results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
      file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  );
}

/**
 * `path:line:col: severity CODE: message`, the shape VS Code's problem matchers read: one
 * diagnostic, one line, control characters escaped (a message must not forge another line).
 */
export function formatText(results: FileDiagnostics[]): string {
  return toJson(results)
    .map((d) => terminalLine(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`))
    .join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note' } as const;

/** SARIF 2.1.0; rule titles in `locale` (messages are already in it), ids, levels and fields unchanged. */
export function formatSarif(results: FileDiagnostics[], toolVersion: string, locale?: Locale): object {
  const used = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sla',
            version: toolVersion,
            informationUri: REFERENCE_URL,
            rules: used.map((code) => ({
              id: code,
              shortDescription: { text: codeTitle(code, locale) },
              helpUri: codeInfo(code).href,
              defaultConfiguration: { level: SARIF_LEVEL[codeInfo(code).severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap(({ file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: used.indexOf(d.code),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split('\\').join('/') },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
