import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCli, tempTree } from '../helpers/cli';

describe('sla export openslo / sla import openslo', () => {
  it('exports a sample to a file, says which objective OpenSLO cannot express, and imports it back into a contract sla check accepts', () => {
    const dir = tempTree({});
    const yaml = path.join(dir, 'lanying.yaml');
    const exported = runCli(['export', 'openslo', 'samples/lanying-im.sla', '-o', yaml]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(exported.stdout, '');
    assert.match(exported.stderr, /objective recovery: OpenSLO counts shares of events and cannot say `max <= 4h`/);
    assert.match(readFileSync(yaml, 'utf8'), /^kind: SLO$/m);

    const contract = path.join(dir, 'lanying.sla');
    const imported = runCli(['import', 'openslo', yaml, '-o', contract]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(readFileSync(contract, 'utf8'), /^sla LanyingIM "蓝莺IM 企业级聊天云服务" \{$/m);
    const checked = runCli(['check', contract]);
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    assert.match(checked.stderr, /0 errors/);
  });

  it('writes YAML to standard output and picks an sla with --sla', () => {
    const dir = tempTree({
      'two.sla': `sla First {\n  indicator p { kind availability metric "up" }\n  objective o { indicator p target >= 99% window calendar month }\n}\nsla Second {\n  indicator q { kind availability metric "up2" }\n  objective o2 { indicator q target >= 98% window rolling 7d }\n}\n`,
    });
    const second = runCli(['export', 'openslo', path.join(dir, 'two.sla'), '--sla', 'Second']);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stdout, /sla\.openslo\.io\/sla: Second/);
    assert.match(second.stdout, /query: up2/);
    assert.doesNotMatch(second.stdout, /query: up\n/);
    const unknown = runCli(['export', 'openslo', path.join(dir, 'two.sla'), '--sla', 'Third']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /has no sla named Third; it has First, Second/);
  });

  it('refuses a contract with errors and a file it cannot read (exit 2)', () => {
    const dir = tempTree({ 'broken.sla': 'sla B {\n  objective o { target >= 99% }\n}\n' });
    const broken = runCli(['export', 'openslo', path.join(dir, 'broken.sla')]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /broken\.sla has \d+ error\(s\); run `sla check/);
    const missing = runCli(['import', 'openslo', path.join(dir, 'nope.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nope\.yaml/);
  });

  it('names file, line and document of what is not OpenSLO, prints no contract and exits 2', () => {
    const dir = tempTree({ 'k8s.yaml': 'apiVersion: openslo/v1\nkind: Service\nmetadata: {name: web}\nspec: {}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {}\n' });
    const run = runCli(['import', 'openslo', path.join(dir, 'k8s.yaml')]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `sla import openslo: ${path.join(dir, 'k8s.yaml')}:6: document 2: apiVersion is "apps/v1": expected openslo/v1\n`);
    const zh = runCli(['--locale', 'zh-CN', 'import', 'openslo', path.join(dir, 'k8s.yaml')]);
    assert.match(zh.stderr, /:6: 第 2 个文档: apiVersion 为 "apps\/v1"：应为 openslo\/v1/);
  });

  it('language 1.1: says where Timeslices differ from the contract, round-trips order-service, and words the import\'s check in --locale', () => {
    const dir = tempTree({});
    const yaml = path.join(dir, 'orders.yaml');
    const exported = runCli(['export', 'openslo', 'samples/order-service.sla', '-o', yaml]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stderr, /objective checkout_up: `every 1h` with `missing down` is written as OpenSLO Timeslices/);
    const zhNote = runCli(['--locale', 'zh-CN', 'export', 'openslo', 'samples/order-service.sla', '-o', yaml]);
    assert.match(zhNote.stderr, /目标 checkout_up：`every 1h` 加 `missing down` 写为 OpenSLO 的 Timeslices/);
    const contract = path.join(dir, 'orders.sla');
    const imported = runCli(['import', 'openslo', yaml, '-o', contract]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(readFileSync(contract, 'utf8'), /missing down[\s\S]*counters[\s\S]*coverage 90%[\s\S]*reviewed 2026-07-15/);
    assert.equal(runCli(['check', contract]).status, 0);

    const edited = path.join(dir, 'edited.yaml');
    writeFileSync(edited, readFileSync(yaml, 'utf8').replace('sla.openslo.io/coverage: 90%', 'sla.openslo.io/coverage: 190%'));
    const zh = runCli(['--locale', 'zh-CN', 'import', 'openslo', edited]);
    assert.equal(zh.status, 2);
    assert.match(zh.stderr, /SLA203 [^）]*[\u4e00-\u9fff][^）]*）/);
  });
});
