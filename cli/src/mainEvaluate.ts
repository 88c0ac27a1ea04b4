// The entry of dist/cli-evaluate.js: `sla evaluate` and `sla report`, without the commands
// that bring OpenSLO, YAML, the semantic diff and the formatter. dist/cli.js
// (scripts/cli-loader.cjs, COMMAND_BUNDLES) runs it when the first argument is one of these
// command words; the commands are registered exactly as main.ts registers them
// (docs/decisions.md, "The `sla` command's bundles").
import { registerEvaluateCommand } from './evaluate';
import { registerReportCommand } from './report';
import { runCli } from './program';

runCli((program, io, setExit) => {
  registerEvaluateCommand(program, io, setExit);
  registerReportCommand(program, io, setExit);
});
