#!/usr/bin/env node
// The `sla` command (copied to dist/cli.js by scripts/build.mjs): runs the CLI bundle
// (dist/cli-main.js, or a smaller one for some commands: COMMAND_BUNDLES) from V8 code cached
// on disk by an earlier run of the same command.
// Node's own compile cache keeps only the code compiled before the bundle runs (its top
// level); the functions a command then calls were compiled from source on every run. The
// cache here is taken when the process exits, so it holds them too (docs/performance.md,
// "startup"). One file per command word (check, evaluate, ...), holding the bundle and Node's
// options it was made for, which must equal this run's byte for byte (V8 itself checks only
// the source's length, the V8 version and its flags, and a cache it rejects is written
// again), written once by a run that ended with 0 or 1, to a temporary name then renamed. The directory is the
// user's own (XDG_CACHE_HOME or ~/.cache, %LOCALAPPDATA% on Windows, then
// sla-language-tools/compile-cache); NODE_COMPILE_CACHE chooses another and
// NODE_DISABLE_COMPILE_CACHE=1 turns it off (Node's own variables). Anything that fails here
// only leaves the cache off.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

/**
 * Command words, as the first argument, that run a smaller bundle than dist/cli-main.js (every
 * command): the language core for `check` and `fmt` (cli/src/mainLanguage.ts), without
 * OpenSLO, YAML and the semantic diff for `evaluate` and `report` (cli/src/mainEvaluate.ts).
 * Each registers its commands exactly as the full bundle does (docs/decisions.md, "The `sla`
 * command's bundles").
 */
const COMMAND_BUNDLES = { check: 'cli-language.js', fmt: 'cli-language.js', evaluate: 'cli-evaluate.js', report: 'cli-evaluate.js' };

const command = process.argv[2];
const BUNDLE = path.join(__dirname, Object.hasOwn(COMMAND_BUNDLES, command) ? COMMAND_BUNDLES[command] : 'cli-main.js');

/**
 * `sla evaluate` with a file of 32 MiB or more among its arguments (a metrics file that
 * server/src/evaluation/parallel.ts will read on two threads): one worker thread is started
 * now, before the bundle loads, so that Node's start of a thread (50–100 ms) overlaps loading
 * the bundle and checking the contract. Its first act is ICU's time-zone set-up, which a
 * process does once for all its threads and which the evaluation's model would otherwise do
 * on this thread (10–50 ms). The bundle takes the worker (`PartWorkers.startFor`) or ends it;
 * unreferenced until then, it never keeps the process alive, and any failure here only
 * leaves it out (docs/performance.md, "Tenth round"). The size and the CPU pressure are
 * parallel.ts's `DEFAULT_MIN_BYTES` and `BUSY_PRESSURE` (a test keeps them equal).
 */
const EARLY_MIN_BYTES = 32 << 20;
const EARLY_BUSY_PRESSURE = 50;
const EARLY_WORKER = Symbol.for('sla-language-tools.evaluationWorker');

function startEvaluationWorker(args) {
  const wanted = process.env.SLA_WORKERS;
  if (wanted ? !(Number(wanted) >= 2) : require('node:os').availableParallelism() < 2) return;
  const large = args.some((a) => {
    try {
      const stat = fs.statSync(a.startsWith('--metrics=') ? a.slice(10) : a, { throwIfNoEntry: false });
      return stat !== undefined && stat.isFile() && stat.size >= EARLY_MIN_BYTES;
    } catch {
      return false;
    }
  });
  if (!large) return;
  if (!wanted) {
    let some;
    try {
      some = /^some avg10=([\d.]+)/m.exec(fs.readFileSync('/proc/pressure/cpu', 'latin1'));
    } catch {}
    if (some && Number(some[1]) >= EARLY_BUSY_PRESSURE) return;
  }
  const script = path.join(__dirname, 'evaluation-worker.js');
  const { Worker } = require('node:worker_threads');
  const zoneSetUp = "new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeZoneName: 'longOffset' }).format(0);";
  const worker = new Worker(`${zoneSetUp}\nrequire(${JSON.stringify(script)});`, { eval: true });
  worker.unref();
  const early = { worker, script };
  globalThis[EARLY_WORKER] = early;
  // Until the bundle takes it: a worker that fails to start is forgotten (and its error is no one's).
  const forget = () => {
    if (globalThis[EARLY_WORKER] === early) delete globalThis[EARLY_WORKER];
  };
  worker.once('error', forget).once('exit', forget);
}

if (command === 'evaluate') {
  try {
    startEvaluationWorker(process.argv.slice(3));
  } catch {}
}

function cacheDirectory() {
  const env = process.env;
  if (env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  if (env.NODE_COMPILE_CACHE) return path.resolve(env.NODE_COMPILE_CACHE);
  const xdg = env.XDG_CACHE_HOME;
  const base = process.platform === 'win32' ? env.LOCALAPPDATA : xdg && path.isAbsolute(xdg) ? xdg : path.join(require('node:os').homedir(), '.cache');
  return base ? path.join(base, 'sla-language-tools', 'compile-cache') : undefined;
}

/** The command word the cache is kept for: the first lowercase word of the arguments. */
function commandWord(args) {
  const word = args.find((a) => /^[a-z]+(-[a-z]+)*$/.test(a) && a.length <= 24);
  return word ?? 'default';
}

/**
 * The start of a cache file. Then: the length of Node's options (uint32 LE) and the options
 * (V8 rejects code cached under other flags), the bundle's length and the bundle, the code.
 * Comparing the bundle byte for byte replaced its CRC-32, whose `node:zlib` loaded Node's
 * streams, which nothing else in `sla check` needs (docs/performance.md, "`sla` start-up,
 * third round").
 */
const MAGIC = Buffer.from('sla code cache 1\n');

/** Node's options, as the cache files hold them. */
function nodeOptions() {
  return Buffer.from(`${process.execArgv.join(' ')}\n${process.env.NODE_OPTIONS ?? ''}`);
}

/**
 * What tells bundles and options apart in the cache's file names (so that two builds in use, or
 * runs with other options, keep a file each): the bundle's length and a hash (FNV-1a) of every
 * 256th byte of it and of the options. Only the names: two bundles that get the same one take
 * each other's place, never each other's code (`storedCode`).
 */
function cacheKey(bytes, options) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i += 256) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  for (let i = 0; i < options.length; i++) hash = Math.imul(hash ^ options[i], 0x01000193);
  return bytes.length.toString(16) + (hash >>> 0).toString(16).padStart(8, '0');
}

/** The code in cache file contents `stored` when it was made for `bytes` under `options`, else undefined. */
function storedCode(stored, bytes, options) {
  let at = MAGIC.length;
  if (stored.length < at + 4 || !stored.subarray(0, at).equals(MAGIC)) return undefined;
  const optionsLength = stored.readUInt32LE(at);
  at += 4;
  if (!stored.subarray(at, at + optionsLength).equals(options)) return undefined;
  at += optionsLength;
  if (stored.length < at + 4 || stored.readUInt32LE(at) !== bytes.length) return undefined;
  at += 4;
  if (!stored.subarray(at, at + bytes.length).equals(bytes)) return undefined;
  at += bytes.length;
  return at < stored.length ? stored.subarray(at) : undefined;
}

/** A cache file's contents: what `storedCode` reads. */
function cacheContents(bytes, options, code) {
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(options.length, 0);
  lengths.writeUInt32LE(bytes.length, 4);
  return Buffer.concat([MAGIC, lengths.subarray(0, 4), options, lengths.subarray(4), bytes, code]);
}

/** A function that runs the bundle from the cached code, or undefined (then it is required as usual). */
function cachedRunner() {
  const directory = cacheDirectory();
  if (!directory) return undefined;
  const bytes = fs.readFileSync(BUNDLE);
  const options = nodeOptions();
  const prefix = `cli-${process.version}-${cacheKey(bytes, options)}-`;
  const file = path.join(directory, prefix + commandWord(process.argv.slice(2)));
  let cachedData;
  try {
    cachedData = storedCode(fs.readFileSync(file), bytes, options);
  } catch {}
  const vm = require('node:vm');
  const Module = require('node:module');
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: BUNDLE, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', (code) => {
      if (code !== 0 && code !== 1) return;
      try {
        fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, cacheContents(bytes, options, script.createCachedData()), { mode: 0o600 });
        fs.renameSync(temporary, file);
        // Caches of other bundles (or Node versions) unused for a week: other builds (a second
        // checkout) may still be in use, so younger ones stay.
        const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
        for (const name of fs.readdirSync(directory)) {
          const other = path.join(directory, name);
          if (name.startsWith('cli-') && !name.startsWith(prefix) && fs.statSync(other).atimeMs < weekAgo) fs.rmSync(other, { force: true });
        }
      } catch {}
    });
  }
  const wrapper = script.runInThisContext();
  const module = { exports: {}, id: BUNDLE, filename: BUNDLE, loaded: false };
  return () => wrapper.call(module.exports, module.exports, Module.createRequire(BUNDLE), module, BUNDLE, __dirname);
}

let run;
try {
  run = cachedRunner();
} catch {}
if (run) run();
else require(BUNDLE);
