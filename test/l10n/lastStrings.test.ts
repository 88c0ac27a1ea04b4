// The last English strings a Chinese user met (issue 11, l10nfix): file-system reasons, a
// cancelled evaluation and the contract model's errors speak the locale; English is unchanged.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { analyze } from '../../server/src/language/analyze';
import { buildModel } from '../../server/src/evaluation/model';
import { evaluateFiles } from '../../server/src/evaluation/index';
import { fileErrorReason } from '../../server/src/files/regularFile';
import { codeInfo, DIAGNOSTIC_CODES, type DiagnosticCode } from '../../server/src/language/codes';
import { contract, rows, tempFile } from '../evaluation/helpers';
import { runCli, tempTree } from '../helpers/cli';

const HAN = /\p{Script=Han}/u;

const TEXT = contract(`
  indicator probe { kind availability metric "up" }
  objective uptime { indicator probe target >= 99% window calendar month }`);

describe('l10n: the last strings (zh-CN)', () => {
  it('words file-system reasons in Chinese, and as before in English', () => {
    const codes = ['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ELOOP', 'ENOTREG', 'ENOSPC', 'EROFS', 'ERR_FS_FILE_TOO_LARGE'];
    for (const code of codes) {
      const error = Object.assign(new Error(`${code}: raw`), { code });
      assert.match(fileErrorReason(error, 'zh-CN'), HAN, code);
      assert.doesNotMatch(fileErrorReason(error), HAN, code);
    }
    assert.equal(fileErrorReason(Object.assign(new Error('x'), { code: 'ENOENT' })), 'no such file or directory');
  });

  it('sla check names a missing file and a FIFO in Chinese', function () {
    const dir = tempTree({ 'ok.sla': TEXT });
    const missing = runCli(['--locale', 'zh-CN', 'check', 'nope.sla'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.sla：?.*文件或目录不存在/);
    if (process.platform === 'win32') return;
    execFileSync('mkfifo', [path.join(dir, 'pipe.sla')]);
    const fifo = runCli(['--locale', 'zh-CN', 'check', 'pipe.sla'], { cwd: dir });
    assert.equal(fifo.status, 2);
    assert.match(fifo.stderr, /不是普通文件/);
    assert.match(runCli(['check', 'pipe.sla'], { cwd: dir }).stderr, /pipe\.sla: not a regular file/);
  });

  it('says a cancelled evaluation was cancelled in the evaluation\'s language', async () => {
    const file = tempFile('m.csv', rows('up', [['2026-10-01T00:00:00Z', 1]]));
    const signal = AbortSignal.abort();
    await assert.rejects(evaluateFiles(TEXT, 'c.sla', [file], { locale: 'zh-CN', signal }), (e: Error) => e.name === 'EvaluationAborted' && e.message === '评估已取消');
    await assert.rejects(evaluateFiles(TEXT, 'c.sla', [file], { signal }), (e: Error) => e.message === 'evaluation cancelled');
  });

  it('words the contract model\'s refusals in Chinese', () => {
    const broken = analyze(TEXT.replace('indicator probe target', 'indicator nope target'));
    const sla = broken.parse.file.slas[0]!;
    assert.throws(() => buildModel(sla, undefined, 'zh-CN'), (e: Error) => e.message === '目标 uptime：没有名为 nope 的服务等级指标');
    assert.throws(() => buildModel(sla), (e: Error) => e.message === 'objective uptime: no indicator named nope');
  });

  it('titles the SARIF rules in Chinese under zh-CN, in the README\'s English otherwise', () => {
    const run = runCli(['--locale', 'zh-CN', 'check', '-f', 'sarif', 'samples/broken']);
    const rules = JSON.parse(run.stdout).runs[0].tool.driver.rules as { id: DiagnosticCode; shortDescription: { text: string } }[];
    assert.ok(rules.length >= 10, run.stderr);
    for (const rule of rules) {
      assert.ok((DIAGNOSTIC_CODES as readonly string[]).includes(rule.id), rule.id);
      assert.match(rule.shortDescription.text, HAN, rule.id);
    }
    const english = JSON.parse(runCli(['check', '-f', 'sarif', 'samples/broken']).stdout).runs[0].tool.driver.rules as typeof rules;
    assert.deepEqual(english.map((r) => r.id), rules.map((r) => r.id));
    for (const rule of english) assert.equal(rule.shortDescription.text, codeInfo(rule.id).title);
  });
});
