// OpenSLO v1 in and out (issue 14, part 5): the core, free of CLI and LSP imports.
export { exportOpenSlo } from './export';
export { importOpenSlo, type ImportInput, type ImportResult } from './import';
export { toYaml } from './yaml';
