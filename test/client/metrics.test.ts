import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { resolveMetricGlobs } from '../../client/src/evaluate/metricGlobs';
import {
  effectiveMetricPatterns,
  rememberMetricFiles,
  rememberedMetricFiles,
  type StateStore,
} from '../../client/src/evaluate/metricMemory';

describe('client sla.metrics glob resolution', () => {
  let root: string;
  const file = (rel: string) => path.join(root, rel);

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sla-metrics-'));
    for (const rel of [
      'metrics/probe.csv',
      'metrics/latency.CSV',
      'metrics/notes.txt',
      'metrics/prom/range.json',
      'metrics/old/2025.csv',
      'other/extra.csv',
      'data (1).log',
    ]) {
      mkdirSync(path.dirname(file(rel)), { recursive: true });
      writeFileSync(file(rel), 'timestamp,metric,value\n');
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('expands globs relative to the workspace folder, keeping only .csv and .json files', async () => {
    const r = await resolveMetricGlobs(['metrics/**/*'], root);
    assert.deepEqual(r.files, [file('metrics/latency.CSV'), file('metrics/old/2025.csv'), file('metrics/probe.csv'), file('metrics/prom/range.json')]);
    assert.deepEqual(r.unmatched, []);
  });

  it('takes a folder as all metric files under it, and `!` patterns leave files out', async () => {
    const r = await resolveMetricGlobs(['metrics', '!**/old/**'], root);
    assert.deepEqual(r.files, [file('metrics/latency.CSV'), file('metrics/probe.csv'), file('metrics/prom/range.json')]);
  });

  it('takes a named file literally, whatever its extension or glob characters in its name', async () => {
    const r = await resolveMetricGlobs(['data (1).log', 'metrics/probe.csv'], root);
    assert.deepEqual(r.files, [file('data (1).log'), file('metrics/probe.csv')]);
  });

  it('accepts absolute paths and ${workspaceFolder}, and removes duplicates', async () => {
    const r = await resolveMetricGlobs([file('other/*.csv'), '${workspaceFolder}/other/extra.csv', 'other/extra.csv'], root);
    assert.deepEqual(r.files, [file('other/extra.csv')]);
  });

  it('reports each pattern that matched nothing', async () => {
    const r = await resolveMetricGlobs(['metrics/*.csv', 'missing/*.csv', 'metrics/notes.*', '  '], root);
    assert.deepEqual(r.files, [file('metrics/probe.csv')]);
    assert.deepEqual(r.unmatched, ['missing/*.csv', 'metrics/notes.*']);
  });
});

class MemoryStore implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    // Through JSON, as VS Code's workspaceState stores it.
    const v = this.values.get(key);
    return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

describe('client remembered metric files', () => {
  const all = () => true;

  it('remembers the files per contract, falling back to the workspace’s last ones', async () => {
    const store = new MemoryStore();
    assert.deepEqual(rememberedMetricFiles(store, 'file:///a.sla', all), []);
    await rememberMetricFiles(store, 'file:///a.sla', ['/m/a.csv']);
    await rememberMetricFiles(store, 'file:///b.sla', ['/m/b1.csv', '/m/b2.json']);
    assert.deepEqual(rememberedMetricFiles(store, 'file:///a.sla', all), ['/m/a.csv']);
    assert.deepEqual(rememberedMetricFiles(store, 'file:///b.sla', all), ['/m/b1.csv', '/m/b2.json']);
    assert.deepEqual(rememberedMetricFiles(store, 'file:///new.sla', all), ['/m/b1.csv', '/m/b2.json']);
  });

  it('offers only files that still exist', async () => {
    const store = new MemoryStore();
    await rememberMetricFiles(store, 'file:///a.sla', ['/m/kept.csv', '/m/deleted.csv']);
    assert.deepEqual(rememberedMetricFiles(store, 'file:///a.sla', (f) => f !== '/m/deleted.csv'), ['/m/kept.csv']);
  });

  it('survives a corrupt stored value', () => {
    const store = new MemoryStore();
    store.values.set('sla.metricFiles', 'garbage');
    assert.deepEqual(rememberedMetricFiles(store, 'file:///a.sla', all), []);
  });

  it('keeps at most 50 contracts', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 60; i++) await rememberMetricFiles(store, `file:///c${i}.sla`, [`/m/${i}.csv`]);
    assert.deepEqual(rememberedMetricFiles(store, 'file:///c59.sla', all), ['/m/59.csv']);
    assert.deepEqual(rememberedMetricFiles(store, 'file:///c0.sla', all), ['/m/59.csv'], 'the oldest contract is forgotten');
    assert.deepEqual(rememberedMetricFiles(store, 'file:///c10.sla', all), ['/m/10.csv']);
  });
});

describe('client sla.metrics in trusted and restricted workspaces', () => {
  it('uses the most specific value in a trusted workspace', () => {
    assert.deepEqual(effectiveMetricPatterns({ globalValue: ['u/*.csv'], workspaceValue: ['w/*.csv'] }, true), {
      patterns: ['w/*.csv'],
      ignoredWorkspaceValue: false,
    });
    assert.deepEqual(effectiveMetricPatterns({ workspaceValue: ['w/*.csv'], workspaceFolderValue: ['f/*.csv'] }, true).patterns, ['f/*.csv']);
  });

  it('uses only the user’s own value in Restricted Mode, and says when the workspace’s was ignored', () => {
    assert.deepEqual(effectiveMetricPatterns({ globalValue: ['u/*.csv'], workspaceValue: ['/etc/*'] }, false), {
      patterns: ['u/*.csv'],
      ignoredWorkspaceValue: true,
    });
    assert.deepEqual(effectiveMetricPatterns({ workspaceFolderValue: ['x'] }, false), { patterns: [], ignoredWorkspaceValue: true });
    assert.deepEqual(effectiveMetricPatterns(undefined, false), { patterns: [], ignoredWorkspaceValue: false });
  });
});
