// Markdown escaping (issue 13, item 5): hostile strings from contracts and reports render as
// their text, never as headings, table rows, HTML or images. Rendered with `marked`, the
// renderer VS Code uses for hovers, with GFM tables on.
import { strict as assert } from 'node:assert';
import { marked } from 'marked';
import { markdownCodeBlock, markdownCodeSpan, markdownText } from '../../server/src/text/markdown';
import { formatMarkdown } from '../../server/src/evaluation/format/markdown';
import type { Report } from '../../server/src/evaluation/report';
import { expectHover, hoverText } from '../services/helpers';

function render(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

/** Tags of the rendered HTML, in order (`h1`, `table`, `img`, …). */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)\b/g)].map((m) => m[1]);
}

/** The rendered text, tags removed and entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** White space runs as one space (HTML shows them so). */
function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const HOSTILE = [
  'line\r# Injected heading\r| a | b |\r|---|---|\r| x | y |',
  'line\u2028# Injected heading\u2029- item\u0085> quote',
  'line\n\n# Injected heading\n\n<img src=x onerror=alert(1)>',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '![tracker](https://evil.example/pixel.png)',
  '[click](javascript:alert(1)) and <https://evil.example>',
  '![ref][r]\n\n[r]: https://evil.example/pixel.png',
  '*bold* _it_ ~~gone~~ `code` &lt;img&gt; a | b \\| c',
  '# heading',
  '- list',
  '1. numbered',
  '> quote',
  '===',
  '    indented',
  'bell\u0007 esc\u001b[31m osc\u001b]8;;https://evil.example\u0007 c1\u009b rlo\u202e',
];

describe('Markdown escaping of user strings', () => {
  it('inline text: one paragraph of plain text, whatever the string holds', () => {
    for (const hostile of HOSTILE) {
      const html = render(`Title: ${markdownText(hostile)}`);
      assert.deepEqual(tags(html), ['p'], `${JSON.stringify(hostile)} rendered as ${html}`);
      const expected = hostile
        .replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ')
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      assert.equal(squeeze(textOf(html)), squeeze(`Title: ${expected}`));
    }
  });

  it('inline text at the start of a line and in a table cell', () => {
    for (const hostile of HOSTILE) {
      assert.deepEqual(tags(render(markdownText(hostile))).filter((t) => t !== 'p'), [], JSON.stringify(hostile));
      const table = render(`| A | B |\n|---|---|\n| ${markdownText(hostile)} | 1 |\n`);
      assert.deepEqual(tags(table), ['table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td'], `${JSON.stringify(hostile)} → ${table}`);
    }
  });

  it('code spans: longer delimiters than any backtick run, no line break', () => {
    for (const content of ['plain', 'a`b', '``x``', '`edge`', 'up{job="a"}\n# heading', '<img src=x onerror=1>']) {
      const html = render(`Metric: ${markdownCodeSpan(content)}`);
      assert.deepEqual(tags(html), ['p', 'code'], `${JSON.stringify(content)} → ${html}`);
      assert.equal(textOf(/<code>(.*)<\/code>/s.exec(html)![1]), content.replace(/\n/g, ' '));
    }
    assert.equal(markdownCodeSpan('probe_success'), '`probe_success`');
  });

  it('fenced code blocks: the content cannot close the fence', () => {
    for (const content of ['sla S "x\n```\n![a](https://evil.example/a.png)"', 'a ```` b\n`````\n# h', '~~~\nx']) {
      const html = render(`${markdownCodeBlock(content, 'sla')}\n\n- after`);
      assert.deepEqual(tags(html), ['pre', 'code', 'ul', 'li'], `${JSON.stringify(content)} → ${html}`);
      assert.equal(textOf(/<code[^>]*>(.*)<\/code>/s.exec(html)![1]), `${content}\n`);
    }
  });
});

describe('Markdown report (sla evaluate --format markdown) with hostile names', () => {
  const report = {
    sla: 'Shop',
    title: 'Shop\r# Injected\r| fake | row |',
    version: '1\u2028## Injected too',
    timezone: 'UTC<img src=x onerror=alert(1)>',
    at: null,
    warnings: ['server said: ![x](https://evil.example/x.png)\n# boom'],
    objectives: [
      {
        name: 'uptime',
        indicator: 'probe',
        target: '>= 99%',
        window: 'calendar month',
        results: [{ start: '2026-10-01T00:00:00Z', end: '2026-11-01T00:00:00Z', samples: 2, attained: 50, status: 'breached', credit: 10 }],
      },
    ],
    credits: [],
  } as unknown as Report;

  it('keeps one heading per section, one table row per result, and no HTML', () => {
    const html = render(formatMarkdown(report));
    assert.deepEqual(tags(html).filter((t) => /^h\d$|^img$|^tr$|^script$/.test(t)), ['h1', 'h2', 'tr', 'tr', 'h2']);
    assert.ok(textOf(html).includes('SLA report: Shop — Shop # Injected | fake | row |'), html);
    assert.ok(textOf(html).includes('times in UTC<img src=x onerror=alert(1)>'), html);
  });
});

describe('hover Markdown with hostile contract strings', () => {
  const CONTRACT = `sla S "Shop\\n\`\`\`\\n![x](https://evil.example/sla.png)" {
  provider "<img src=x onerror=alert(1)>"
  service chat "Chat\\n\`\`\`\\n# Injected" {
    description "![tracker](https://evil.example/pixel.png)\\n\\n<img src=y onerror=alert(2)>"
    includes "a\\u{2028}# b", "<b>c</b>"
  }
  indicator probe "\`\`\`\`" { kind availability metric "up\`{job=\\"x\\"}\\n# h" description "*x* [l](https://evil.example)" }
  objective uptime "t" { indicator probe target >= 99% window calendar month description "![o](https://evil.example/o.png)" }
}
`;

  for (const [what, word] of [
    ['the sla', 'sla S'],
    ['a service', 'service chat'],
    ['an indicator', 'indicator probe'],
    ['an objective', 'objective uptime'],
  ] as const) {
    it(`${what}: no image, no HTML, no heading; the strings shown as text`, () => {
      const offset = CONTRACT.indexOf(word) + word.length - 1;
      const marked_ = CONTRACT.slice(0, offset) + '<|>' + CONTRACT.slice(offset);
      const markdown = hoverText(marked_);
      const html = render(markdown);
      const rendered = tags(html);
      for (const bad of ['img', 'h1', 'h2', 'h3', 'b', 'script', 'a', 'em']) assert.ok(!rendered.includes(bad), `${bad} in ${html}`);
      assert.equal(rendered[0], 'pre', html);
    });
  }

  it('shows the titles and descriptions as written', () => {
    const markdown = hoverText(CONTRACT.replace('service chat', 'service c<|>hat'));
    const text = textOf(render(markdown));
    assert.ok(text.includes('service chat "Chat\n```\n# Injected"'), text);
    assert.ok(text.includes('![tracker](https://evil.example/pixel.png)  <img src=y onerror=alert(2)>'), text);
    assert.ok(text.includes('Includes: a # b, <b>c</b>'), text);
    expectHover(CONTRACT.replace('sla S', 'sla <|>S'), [/^````sla\n/]);
  });
});
