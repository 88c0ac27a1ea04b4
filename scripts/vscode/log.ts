// One prefix for everything the real-VS-Code harness itself prints, so that its lines
// stand apart from mocha's report and code-server's output.
export function log(message: string): void {
  process.stderr.write(`${message.replace(/^/gm, '[vscode-test] ')}\n`);
}
