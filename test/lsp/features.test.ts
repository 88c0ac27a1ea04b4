// Protocol tests of the editing features against the bundled server.
import { strict as assert } from 'node:assert';
import type { DocumentSymbol, Hover, Location, SelectionRange } from 'vscode-languageserver-protocol';
import { applyEdits, ensureServerBuilt, markers, positionOf, TestClient, textOf } from './client';

export const CONTRACT = `// 蓝莺IM enterprise chat cloud
sla LanyingIM "蓝莺IM 企业级聊天云服务" {
  version "2.1.0"
  provider "蓝莺IM"
  customer "Acme Retail Ltd."
  effective 2020-01-01 to 2020-12-31
  timezone "Asia/Shanghai"
  fee 12000 CNY per month

  service chat_api "Chat API" {
    description "REST API and WebSocket gateway"
  }

  schedule business_hours {
    mon..fri 09:00-18:00
    holidays 2020-12-24, 2020-12-25
  }

  maintenance weekly_window {
    every sun 02:00-04:00
    notice 72h
  }

  indicator probe "Synthetic availability probe" {
    kind availability
    metric "probe_success"
  }

  indicator api_latency {
    kind latency
    metric "http_request_duration_ms"
    unit ms
  }

  objective uptime {
    service chat_api
    indicator probe
    target >= 99.9%
    window calendar month
  }

  objective office_uptime {
    indicator probe
    target >= 99.9%
    window calendar month
    during business_hours
    excluding weekly_window
  }

  objective latency_p95 {
    indicator api_latency
    target p95 <= 500ms
    window calendar month
  }

  compensation for uptime {
    below 99.9% credit 10%
    below 99.0% credit 25%
    below 95.0% credit 50%
  }

  compensation for office_uptime {
    below 99.9% credit 5%
  }

  compensation for latency_p95 {
    above 500ms credit 5%
    above 1s credit 10%
  }

  credits {
    cap 50%
    claim within 30d
  }

  support {
    hours business_hours
    severity P1 "Service down" response 15m resolve 4h
  }

  reporting monthly to "sla-reports@acme.example"
  review quarterly
}
`;

function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const contents = hover.contents as { value?: string } | string;
  return typeof contents === 'string' ? contents : (contents.value ?? '');
}

describe('protocol: editing features', function () {
  this.timeout(30000);
  let client: TestClient;
  let uri: string;

  before(async () => {
    await ensureServerBuilt();
    client = await TestClient.start({ settings: { validate: { onType: true } } });
    const opened = await client.open(CONTRACT);
    uri = opened.uri;
    assert.deepEqual(opened.diagnostics.map((d) => `${d.code} ${d.message}`), []);
  });
  after(async () => client?.stop());

  describe('completion', () => {
    it('answers by cursor context at many positions', async () => {
      const { text, positions } = markers(`sla A {
  <|>
  indicator probe { kind availability metric "up" }
  indicator other { kind <|> metric "x" }
  indicator lat { kind latency metric "l" }
  schedule office { mon..fri 09:00-18:00 }
  maintenance m { every sun 02:00-03:00 }
  objective pick {
    indicator <|>
  }
  objective up {
    indicator probe
    target <|>
    window calendar <|>
    during <|>
    excluding <|>
  }
  objective fast {
    indicator lat
    target p95 <= 500<|>
    window <|>
  }
  compensation for <|>
  compensation for up {
    below 99.9% credit 10<|>
    <|>
  }
  support { hours <|> }
  obj<|>
  review <|>
}
<|>`);
      const { uri: marked } = await client.open(text);
      const expected: { includes: string[]; excludes?: string[] }[] = [
        { includes: ['version', 'objective', 'compensation', 'objective {…}', 'schedule {…}'], excludes: ['sla', 'kind'] },
        { includes: ['availability', 'latency', 'throughput'], excludes: ['probe', 'kind'] },
        { includes: ['probe', 'other', 'lat'], excludes: ['office', 'up'] },
        { includes: ['>=', '<='], excludes: ['p95'] },
        { includes: ['month', 'quarter'], excludes: ['rolling'] },
        { includes: ['office'], excludes: ['probe', 'm'] },
        { includes: ['m'], excludes: ['office'] },
        { includes: ['ms', 's', 'h'], excludes: ['%', 'rps'] },
        { includes: ['calendar', 'rolling'], excludes: ['month'] },
        { includes: ['up', 'fast'], excludes: ['probe'] },
        { includes: ['%'], excludes: ['ms'] },
        { includes: ['below', 'above'], excludes: ['credit', 'target'] },
        { includes: ['office'], excludes: ['up'] },
        { includes: ['objective', 'objective {…}'], excludes: ['target'] },
        { includes: ['monthly', 'quarterly'], excludes: ['month'] },
        { includes: ['sla', 'sla {…}'], excludes: ['objective'] },
      ];
      assert.equal(positions.length, expected.length);
      for (const [i, position] of positions.entries()) {
        const labels = (await client.completion(marked, position)).map((item) => item.label);
        for (const label of expected[i].includes) assert.ok(labels.includes(label), `marker ${i}: ${label} in [${labels}]`);
        for (const label of expected[i].excludes ?? []) assert.ok(!labels.includes(label), `marker ${i}: no ${label} in [${labels}]`);
      }
    });

    it('replaces the half-typed word', async () => {
      const position = positionOf(CONTRACT, 'indicator probe\n    target', 12);
      const { uri: typed } = await client.open(CONTRACT.replace('indicator probe\n    target', 'indicator pro\n    target'));
      const probe = (await client.completion(typed, position)).find((i) => i.label === 'probe');
      assert.ok(probe?.textEdit && 'range' in probe.textEdit);
      assert.equal(applyEdits(client.text(typed), [probe.textEdit]).includes('indicator probe\n    target'), true);
    });
  });

  describe('hover', () => {
    it('explains keywords with an example', async () => {
      const text = hoverText(await client.hover(uri, positionOf(CONTRACT, 'excluding', 2)));
      assert.match(text, /\*\*excluding\*\* — Leave out samples inside these maintenance windows/);
      assert.match(text, /```sla\nexcluding /);
    });

    it('summarises the definition of a name', async () => {
      const text = hoverText(await client.hover(uri, positionOf(CONTRACT, 'indicator probe\n    target', 12)));
      assert.match(text, /indicator probe "Synthetic availability probe"/);
      assert.match(text, /Kind: availability/);
      assert.match(text, /Metric: `probe_success`/);
      assert.match(text, /Objectives: uptime, office_uptime/);
    });

    it('gives the error budget of a monthly target in time', async () => {
      const text = hoverText(await client.hover(uri, positionOf(CONTRACT, '99.9%', 1)));
      assert.match(text, /0\.1% of the time may be down per calendar month/);
      assert.match(text, /43 min 12 s in a 30-day month/);
      assert.match(text, /44 min 38 s in a 31-day month/);
      assert.match(text, /40 min 19 s in a 28-day month/);
    });

    it('counts the budget in schedule hours with `during`', async () => {
      const text = hoverText(await client.hover(uri, positionOf(CONTRACT, '99.9%', 1, 1)));
      assert.match(text, /scheduled time of `business_hours` only \(45 h a week/);
      assert.match(text, /11 min 53 s in a month with 22 scheduled days of 9 h \(198 h\)/);
      // The contract ended in 2020: December 2020 has 23 weekdays, 2 of them holidays: 189 h.
      assert.match(text, /11 min 20 s in December 2020: 189 h scheduled on 21 days, 2 holidays left out/);
      assert.match(text, /`weekly_window` are not counted/);
    });

    it('explains percentile targets', async () => {
      const text = hoverText(await client.hover(uri, positionOf(CONTRACT, 'p95 <=', 1)));
      assert.match(text, /about 5% of the values in each calendar month may be above 500ms/);
    });

    it('says when a tier pays and how much', async () => {
      const text = hoverText(await client.hover(uri, positionOf(CONTRACT, 'below 99.0%', 8)));
      assert.match(text, /Pays 25% of the monthly fee \(3000 CNY\)\*\* when the monthly availability of `uptime` is below 99\.0%/);
      assert.match(text, /more than 7 h 12 min of downtime in a 30-day month/);
      assert.match(text, /capped at 50%/);
    });
  });

  describe('names', () => {
    it('goes to the definition of a reference', async () => {
      const result = (await client.definition(uri, positionOf(CONTRACT, 'during business_hours', 9))) as Location[];
      assert.equal(result.length, 1);
      assert.equal(textOf(CONTRACT, result[0].range), 'business_hours');
      assert.deepEqual(result[0].range.start, positionOf(CONTRACT, 'schedule business_hours', 9));
    });

    it('finds every reference, with or without the declaration', async () => {
      const at = positionOf(CONTRACT, 'objective uptime', 11);
      const all = (await client.references(uri, at, true))!;
      assert.deepEqual(all.map((l) => l.range.start.line), [at.line, positionOf(CONTRACT, 'compensation for uptime').line]);
      const uses = (await client.references(uri, at, false))!;
      assert.equal(uses.length, 1);
      const probeUses = (await client.references(uri, positionOf(CONTRACT, 'indicator probe "', 11), false))!;
      assert.equal(probeUses.length, 2);
      const schedule = (await client.references(uri, positionOf(CONTRACT, 'hours business_hours', 7), true))!;
      assert.equal(schedule.length, 3);
    });

    it('renames a name and all its references', async () => {
      const { uri: doc } = await client.open(CONTRACT);
      const at = positionOf(CONTRACT, 'indicator probe\n    target', 12);
      const prepared = (await client.prepareRename(doc, at)) as { range: unknown; placeholder: string };
      assert.equal(prepared.placeholder, 'probe');
      const edit = await client.rename(doc, at, 'synthetic_probe');
      const edits = edit!.changes![doc];
      assert.equal(edits.length, 3);
      const renamed = applyEdits(CONTRACT, edits);
      assert.equal(renamed.match(/synthetic_probe/g)?.length, 3);
      assert.equal(/\bprobe\b(?!_success)/.test(renamed.replace(/"[^"]*"/g, '')), false);
      const version = await client.applyEdits(doc, edits);
      assert.deepEqual(await client.diagnosticsFor(doc, version), []);
    });

    it('refuses to rename keywords, clashing names and non-names', async () => {
      await assert.rejects(client.prepareRename(uri, positionOf(CONTRACT, 'objective uptime', 2)), /keyword and cannot be renamed/);
      const at = positionOf(CONTRACT, 'objective uptime', 11);
      await assert.rejects(client.rename(uri, at, 'latency_p95'), /already defined in this sla: an objective on line/);
      await assert.rejects(client.rename(uri, at, 'window'), /keyword/);
      await assert.rejects(client.rename(uri, at, '9lives'), /not a name/);
    });
  });

  it('outlines the document hierarchically', async () => {
    const symbols = await client.documentSymbols(uri);
    assert.equal(symbols.length, 1);
    const sla = symbols[0] as DocumentSymbol;
    assert.equal(sla.name, 'LanyingIM');
    const names = sla.children!.map((c) => c.name);
    for (const name of ['chat_api', 'business_hours', 'weekly_window', 'probe', 'api_latency', 'uptime', 'compensation for uptime', 'credits', 'support', 'reporting']) {
      assert.ok(names.includes(name), `${name} in outline [${names}]`);
    }
    const ladder = sla.children!.find((c) => c.name === 'compensation for uptime')!;
    assert.deepEqual(ladder.children!.map((t) => `${t.name} ${t.detail}`), ['below 99.9% credit 10%', 'below 99.0% credit 25%', 'below 95.0% credit 50%']);
    const uptime = sla.children!.find((c) => c.name === 'uptime')!;
    assert.equal(uptime.detail, '>= 99.9%, calendar month');
    const support = sla.children!.find((c) => c.name === 'support')!;
    assert.ok(support.children!.some((c) => c.name === 'P1'));
  });

  it('folds blocks and comments', async () => {
    const { uri: doc } = await client.open(`/* a
   b */
sla A {
  // one
  // two
  service s {
    description "d"
  }
}
`);
    const ranges = await client.foldingRanges(doc);
    assert.deepEqual(
      ranges.map((r) => [r.startLine, r.endLine, r.kind ?? 'region']),
      [
        [0, 1, 'comment'],
        [2, 7, 'region'],
        [3, 4, 'comment'],
        [5, 6, 'region'],
      ],
    );
  });

  it('expands the selection from a token to the file', async () => {
    const [selection] = await client.selectionRanges(uri, [positionOf(CONTRACT, '99.9%', 1)]);
    const chain: string[] = [];
    for (let s: SelectionRange | undefined = selection; s; s = s.parent) chain.push(textOf(CONTRACT, s.range));
    assert.equal(chain[0], '99.9');
    assert.ok(chain.includes('99.9%'), chain.join(' | '));
    assert.ok(chain.includes('target >= 99.9%'));
    assert.ok(chain.some((c) => c.startsWith('objective uptime {') && c.endsWith('}')));
    assert.equal(chain[chain.length - 1], CONTRACT);
  });

  it('classifies tokens with a legend', async () => {
    const legend = client.initializeResult!.capabilities.semanticTokensProvider!.legend;
    assert.ok(legend.tokenTypes.includes('keyword') && legend.tokenModifiers.includes('declaration'));
    const { data } = await client.semanticTokens(uri);
    assert.equal(data.length % 5, 0);
    const tokens: { text: string; type: string; modifiers: string[] }[] = [];
    let line = 0;
    let character = 0;
    const lines = CONTRACT.split('\n');
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
      tokens.push({
        text: lines[line].slice(character, character + data[i + 2]),
        type: legend.tokenTypes[data[i + 3]],
        modifiers: legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit)),
      });
    }
    const find = (text: string, nth = 0) => tokens.filter((t) => t.text === text)[nth];
    assert.deepEqual(find('objective'), { text: 'objective', type: 'keyword', modifiers: [] });
    assert.deepEqual(find('probe'), { text: 'probe', type: 'variable', modifiers: ['declaration'] });
    assert.deepEqual(find('probe', 1), { text: 'probe', type: 'variable', modifiers: [] });
    assert.deepEqual(find('business_hours'), { text: 'business_hours', type: 'struct', modifiers: ['declaration'] });
    assert.equal(find('uptime', 1).type, 'function');
    assert.equal(find('99.9').type, 'number');
    assert.equal(find('%').type, 'type');
    assert.equal(find('availability').type, 'enumMember');
    assert.equal(find('"Chat API"').type, 'string');
    assert.equal(find('// 蓝莺IM enterprise chat cloud').type, 'comment');
  });

  describe('formatting', () => {
    const MESSY = `// header comment
sla   Messy   "M"{
version "1"   provider "P"
     customer "C"


  // the probe
indicator probe{kind availability
metric "up" }   // trailing
  objective up { indicator probe target>=99.9 % window calendar month
    excluding a,b
  }
  schedule s { mon .. fri 09:00 - 18:00 , 19:00-20:00
  holidays 2026-01-01,
     2026-12-25 }
  maintenance a { every sun 01:00-02:00 }
  maintenance b { on 2026-10-17T22:00 for 2 h }
  /* block
     comment */
  fee 12000CNY per month
}
sla   Second {
}
`;
    const EXPECTED = `// header comment
sla Messy "M" {
  version "1"
  provider "P"
  customer "C"

  // the probe
  indicator probe {
    kind availability
    metric "up"
  }   // trailing
  objective up {
    indicator probe
    target >= 99.9%
    window calendar month
    excluding a, b
  }
  schedule s {
    mon..fri 09:00-18:00, 19:00-20:00
    holidays 2026-01-01,
             2026-12-25
  }
  maintenance a {
    every sun 01:00-02:00
  }
  maintenance b {
    on 2026-10-17T22:00 for 2h
  }
  /* block
     comment */
  fee 12000 CNY per month
}

sla Second {
}
`;

    it('formats to the canonical layout, keeping comments', async () => {
      const { uri: doc } = await client.open(MESSY);
      const edits = (await client.formatting(doc))!;
      assert.ok(edits.length > 0);
      assert.equal(applyEdits(MESSY, edits), EXPECTED);
    });

    it('is idempotent: a formatted document needs no edits', async () => {
      const { uri: doc } = await client.open(MESSY);
      const version = await client.applyEdits(doc, (await client.formatting(doc))!);
      await client.diagnosticsFor(doc, version);
      assert.deepEqual(await client.formatting(doc), []);
      const { uri: sample } = await client.open(CONTRACT);
      assert.deepEqual(await client.formatting(sample), []);
    });

    it('refuses to format a file with a syntax error', async () => {
      const { uri: doc, diagnostics } = await client.open('sla A {\n   objective x {\n  target >=\n}\n');
      assert.ok(diagnostics.some((d) => d.code === 'SLA001'));
      assert.deepEqual(await client.formatting(doc), []);
    });
  });
});
