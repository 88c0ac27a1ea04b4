// The scan of issue 11: every CLI command run with `--locale zh-CN`, on the samples and on
// broken inputs, prints no English sentence. A line is a message when, with contract text,
// code spans, quoted text, paths and the `file:line:col: severity CODE:` prefix taken out,
// three English words in a row are left, the line is English (Chinese around it or not).
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempTree } from '../helpers/cli';

const HAN = /\p{Script=Han}/u;

/** What is left of a line once code, quoted and contract text and paths are taken out. */
function prose(line: string): string {
  return line
    .replace(/^sla(?: [a-z-]+)*: /, '')
    .replace(/^\S+:\d+:\d+: (error|warning|information) SLA\d+: /, '')
    // The YAML library's own reason (no catalogue of its own): the line around it is ours.
    .replace(/YAML 错误：.*$/, '')
    .replace(/`[^`]*`/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|'[^']*'/g, ' ')
    .replace(/(?:\/|\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)+|\S+\.(?:sla|csv|json|ya?ml|html|md)\b/g, ' ');
}

const ENGLISH_SENTENCE = /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/;

/** The lines of a run that read as English sentences. */
function englishLines(output: string, only?: (line: string) => boolean): string[] {
  return output
    .split('\n')
    .filter((line) => (only ? only(line) : true))
    .filter((line) => ENGLISH_SENTENCE.test(prose(line)));
}

const zh = (args: string[], cwd?: string) => runCli(['--locale', 'zh-CN', ...args], { cwd });

describe('sla --locale zh-CN: no English sentence in any command (issue 11 scan)', function () {
  this.timeout(120000);
  const dir = tempTree({
    'bad-time.csv': 'timestamp,metric,value\n2026-02-30T00:00:00Z,up,1\n',
    'bad-value.csv': 'timestamp,metric,value\n2026-10-01T00:00:00Z,up,x\n',
    'bad.json': '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1,"1"]',
    'bad.yaml': 'apiVersion: openslo/v1\nkind: SLO\nmetadata: [\n',
    'empty.sla': '',
  });
  const root = path.resolve(import.meta.dirname, '..', '..');
  const sample = path.join(root, 'samples/lanying-im.zh.sla');
  const english = path.join(root, 'samples/lanying-im.sla');
  const metrics = path.join(root, 'samples/metrics/zh');

  const runs: [string, string[], ((line: string) => boolean)?][] = [
    ['check samples', ['check', path.join(root, 'samples')]],
    ['check missing', ['check', path.join(dir, 'nope.sla')]],
    ['evaluate sample', ['evaluate', sample, '-m', metrics]],
    ['evaluate --explain', ['evaluate', sample, '-m', metrics, '--explain']],
    ['evaluate portfolio', ['evaluate', path.join(root, 'samples'), '-m', path.join(root, 'samples/metrics/csv')], (line) => !/^ {2}\S+\.sla\s/.test(line)],
    ['evaluate bad timestamp', ['evaluate', english, '-m', path.join(dir, 'bad-time.csv')]],
    ['evaluate bad value', ['evaluate', english, '-m', path.join(dir, 'bad-value.csv'), '--allow-missing-metrics']],
    ['evaluate bad json', ['evaluate', english, '-m', path.join(dir, 'bad.json')]],
    ['evaluate missing metrics', ['evaluate', english, '-m', path.join(dir, 'none', '*.csv')]],
    ['evaluate broken contract', ['evaluate', path.join(root, 'samples/broken/units.sla'), '-m', metrics]],
    ['evaluate bad --at', ['evaluate', sample, '-m', metrics, '--at', 'yesterday']],
    ['report markdown', ['report', sample, '-m', metrics, '-f', 'markdown']],
    ['evaluate markdown', ['evaluate', sample, '-m', metrics, '-f', 'markdown']],
    ['report unknown period', ['report', sample, '-m', metrics, '--period', '1999-01']],
    ['diff', ['diff', english, path.join(root, 'samples/api-gateway.sla')]],
    ['diff broken', ['diff', english, path.join(root, 'samples/broken/syntax.sla')]],
    ['diff one file', ['diff', english]],
    ['fmt --check', ['fmt', '--check', path.join(root, 'samples')]],
    ['fmt missing', ['fmt', path.join(dir, 'nope.sla')]],
    ['export prometheus-rules', ['export', 'prometheus-rules', sample], (line) => line.startsWith('#') || /^\s*#/.test(line)],
    ['export prometheus-rules broken', ['export', 'prometheus-rules', path.join(root, 'samples/broken/units.sla')]],
    ['export openslo', ['export', 'openslo', sample], (line) => /^\s*#/.test(line)],
    ['export openslo broken', ['export', 'openslo', path.join(root, 'samples/broken/syntax.sla')]],
    ['import openslo bad yaml', ['import', 'openslo', path.join(dir, 'bad.yaml')]],
    ['import openslo missing', ['import', 'openslo', path.join(dir, 'nope.yaml')]],
    ['usage error', ['evaluate', sample]],
  ];

  for (const [name, args, only] of runs) {
    it(name, () => {
      const run = zh(args, dir);
      assert.ok(run.stdout.length + run.stderr.length > 0, `${name} printed nothing`);
      const found = [...englishLines(run.stdout, only), ...englishLines(run.stderr)];
      assert.deepEqual(found, [], `English lines of sla ${args.join(' ')}:\n${found.join('\n')}`);
    });
  }

  it('report html (its text, without markup, styles and scripts)', () => {
    const run = zh(['report', sample, '-m', metrics]);
    assert.equal(run.status, 0, run.stderr);
    const text = run.stdout.replace(/<(style|script)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, '\n');
    assert.deepEqual(englishLines(text), []);
  });

  it('imports an exported OpenSLO file with Chinese notes', () => {
    const exported = zh(['export', 'openslo', sample]);
    const file = path.join(dir, 'exported.yaml');
    writeFileSync(file, exported.stdout);
    const run = zh(['import', 'openslo', file], dir);
    assert.deepEqual(englishLines(run.stderr), []);
    assert.deepEqual(englishLines(run.stdout, (line) => /^\s*\/\//.test(line)), []);
  });

  it('the scan finds English: the same runs in English have sentences', () => {
    const run = runCli(['evaluate', english, '-m', path.join(dir, 'bad-time.csv')]);
    assert.notDeepEqual(englishLines(run.stderr), []);
  });
});
