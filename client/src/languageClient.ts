// The language client: starts the bundled language server (dist/server.js) in a Node process
// over IPC and connects it to `sla` documents.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverEnvironment } from './evaluate/tokenSealing';
import { serverProcessEnvironment } from '../../server/src/lsp/processEnvironment';

/** Also the prefix of the `sla.trace.server` setting, which the client library reads itself. */
export const CLIENT_ID = 'sla';
export const CLIENT_NAME = 'SLA Language Server';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const env = { ...serverProcessEnvironment(), ...serverEnvironment() };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sla' },
      { scheme: 'untitled', language: 'sla' },
    ],
    synchronize: { configurationSection: 'sla' },
    // The server's language: this setting, else VS Code's display language (sent as `locale`).
    initializationOptions: { locale: vscode.workspace.getConfiguration('sla').get<string>('locale', 'auto') },
    outputChannel,
    // Hovers quote contract strings: no command links, no HTML (the defaults, stated).
    markdown: { isTrusted: false, supportHtml: false },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
