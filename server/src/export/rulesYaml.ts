// The Prometheus rule file (https://prometheus.io/docs/prometheus/latest/configuration/recording_rules/)
// of exported rules, written by the `yaml` library so that quoting is right, with the
// exporter's notes as comments.
import { Document, isMap, isSeq } from 'yaml';
import type { PrometheusRules } from './prometheusRules';

/** Comment lines of at most `width` characters, broken at spaces (a longer word stays whole). */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.map((l) => ` ${l}`).join('\n');
}

function comment(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => wrap(p)).join('\n\n');
}

export function rulesYaml(rules: PrometheusRules): string {
  const doc = new Document({
    groups: rules.groups.map((group) => ({ name: group.name, rules: group.rules })),
  });
  doc.commentBefore = comment(rules.comments);
  const groups = doc.get('groups');
  if (isSeq(groups)) {
    groups.items.forEach((node, i) => {
      if (isMap(node) && rules.groups[i].comments.length > 0) node.commentBefore = comment(rules.groups[i].comments);
    });
  }
  return doc.toString({ lineWidth: 0 });
}
