// OpenSLO v1 in and out (issue 14, part 5): the core, free of CLI and LSP imports.
export { exportOpenSlo, type ExportNote, type OpenSloExport } from './export';
export { importOpenSlo, type ImportInput, type ImportProblem, type ImportResult } from './import';
export { toYaml } from './yaml';
