// A small HTTP server on 127.0.0.1 standing in for Prometheus in the failure and
// hostile-answer tests: the handler gets each request with its whole body.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export interface FakeServer {
  url: string;
  server: Server;
  /** Every request received, in order. */
  requests: IncomingMessage[];
  close(): Promise<void>;
}

export async function serve(handler: Handler): Promise<FakeServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => handler(req, body, res));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
