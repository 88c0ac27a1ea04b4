// Entry point of the language server (bundled to dist/server.js). The transport comes
// from the command line as vscode-languageserver reads it: `--stdio`, `--node-ipc`,
// `--socket=PORT` or `--pipe=NAME`.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((arg) => transports.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  process.stderr.write('usage: node dist/server.js --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n');
  process.exit(2);
}

// A bug must not take the server down with it: log it and keep serving.
process.on('uncaughtException', (error) => process.stderr.write(`sla-language-server: uncaught ${error?.stack ?? error}\n`));
process.on('unhandledRejection', (reason) => process.stderr.write(`sla-language-server: unhandled rejection ${reason}\n`));

startServer(createConnection(ProposedFeatures.all));
