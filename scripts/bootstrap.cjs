#!/usr/bin/env node
// Installs the project's dependencies when they are missing or older than the lock file,
// so that `npm start` and `npm test` work on a fresh clone with no manual step.
// Runs on whatever Node is first on PATH (the system's on a fresh machine).
const fs = require('node:fs');
const path = require('node:path');
const { execSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
const installed = path.join(root, 'node_modules', '.package-lock.json');
const node22 = path.join(root, 'node_modules', '.bin', 'node');

function stale() {
  if (!fs.existsSync(installed) || !fs.existsSync(node22)) return true;
  return fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs;
}

if (stale()) {
  process.stderr.write('sla: installing dependencies (npm ci)…\n');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}
