// OpenSLO documents as multi-document YAML (`---` between documents).
import { stringify } from 'yaml';
import type { OpenSloDocument } from './document';

export function toYaml(documents: readonly OpenSloDocument[]): string {
  // lineWidth 0: no folding, so a query or a clause stays on its line.
  return documents.map((doc) => `---\n${stringify(doc, { lineWidth: 0 })}`).join('');
}
