// The entry of dist/cli-language.js: `sla check` and `sla fmt`, which need only the language
// core. dist/cli.js (scripts/cli-loader.cjs, COMMAND_BUNDLES) runs it when the first
// argument is one of these command words, so that they neither load nor initialise
// evaluation, reports, OpenSLO and YAML (docs/decisions.md, "The `sla` command's bundles").
// The commands are registered exactly as main.ts registers them; the program lists only
// these two, which no run through this bundle shows (a first argument `check` or `fmt` is
// that command, so neither the program's help nor its unknown-command error is reached).
import { registerCheckCommand } from './check';
import { registerFmtCommand } from './fmt';
import { runCli } from './program';

runCli((program, io, setExit) => {
  registerCheckCommand(program, io, setExit);
  registerFmtCommand(program, io, setExit);
});
