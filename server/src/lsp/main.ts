// Entry point of the language server (bundled to dist/server.js). The transport comes
// from the command line as vscode-languageserver reads it: `--stdio`, `--node-ipc`,
// `--socket=PORT` or `--pipe=NAME`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setFlagsFromString } from 'node:v8';
import { startServer } from './server';

// The heap may grow to 1.5× what the last full collection kept, not V8's default of up to 4×:
// a keystroke in a 200,000-line contract leaves a few MB of garbage (the document's new text),
// and with the default the server's memory rose from 0.5 to 1.3 GB before V8 collected it
// (docs/performance.md). A growth factor, not a cap: a larger contract still fits. Set here,
// at the start of the one server entry point, it holds however the server is started (the
// extension, the tests, the benchmarks); V8 reads it at each collection.
setFlagsFromString('--heap-growing-percent=50');

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.stderr.write('usage: node dist/server.js --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

// A bug must not take the server down with it: log it and keep serving.
process.on('uncaughtException', (error) => process.stderr.write(`sla-language-server: uncaught ${error?.stack ?? error}\n`));
process.on('unhandledRejection', (reason) => process.stderr.write(`sla-language-server: unhandled rejection ${reason}\n`));

startServer(createConnection(ProposedFeatures.all));
