// The `sla` command line: a thin shell over the core (see ARCHITECTURE.md). This entry has
// every command; dist/cli.js runs smaller bundles for `check` and `fmt` (mainLanguage.ts) and
// for `evaluate` and `report` (mainEvaluate.ts).
import { registerCheckCommand } from './check';
import { registerDiffCommand } from './diff';
import { registerEvaluateCommand } from './evaluate';
import { registerExportCommand } from './export';
import { registerOpenSloCommands } from './openslo';
import { registerFmtCommand } from './fmt';
import { registerReportCommand } from './report';
import { runCli } from './program';

runCli((program, io, setExit) => {
  registerCheckCommand(program, io, setExit);
  registerEvaluateCommand(program, io, setExit);
  registerReportCommand(program, io, setExit);
  registerOpenSloCommands(program, registerExportCommand(program, io, setExit), io, setExit);
  registerDiffCommand(program, io, setExit);
  registerFmtCommand(program, io, setExit);
});
