// Everything a harness run starts is registered here and torn down on every way out: normal
// end, failure, an uncaught error, Ctrl-C (SIGINT), SIGTERM, SIGHUP. Async steps run first
// (close the browser, stop code-server gently); the synchronous ones also run from
// process 'exit', so a process group is killed even when the async path never ran.
import { log } from './log';

interface Resource {
  name: string;
  /** Gentle, awaited on the normal path and on signals. */
  close: () => Promise<void>;
  /** Last resort, must be synchronous (runs inside process.on('exit')). */
  kill: () => void;
}

const resources: Resource[] = [];
let installed = false;
let closing: Promise<number> | undefined;

export function registerResource(resource: Resource): () => void {
  installHandlers();
  resources.push(resource);
  return () => {
    const at = resources.indexOf(resource);
    if (at >= 0) resources.splice(at, 1);
  };
}

/** Closes every registered resource, newest first; resolves with how many there were. Safe to call more than once. */
export function closeAll(): Promise<number> {
  closing ??= (async () => {
    let count = 0;
    while (resources.length > 0) {
      count++;
      const resource = resources.pop()!;
      try {
        await withTimeout(resource.close(), 10_000, `closing ${resource.name}`);
      } catch (error) {
        log(`could not close ${resource.name} gently (${(error as Error).message}); killing it`);
        resource.kill();
      }
    }
    return count;
  })();
  return closing;
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const resource of resources.splice(0).reverse()) {
      try {
        resource.kill();
      } catch {
        // Already gone.
      }
    }
  });
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    log(`${signal}: stopping everything this run started`);
    void closeAll().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));
  process.on('uncaughtException', (error) => {
    log(`unexpected error: ${error.stack ?? error.message}`);
    void closeAll().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (reason) => {
    log(`unexpected error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
    void closeAll().finally(() => process.exit(1));
  });
}

export function withTimeout<T>(promise: Promise<T>, millis: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${millis / 1000} s`)), millis);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
