// Open documents and their analyses: one analysis per document version, computed on first
// use and shared by diagnostics and every feature. A newer version replaces the cached one,
// so work for a stale version is never reused; pending validations check the version
// before publishing (see validation.ts).
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../language/analyze';

interface CachedAnalysis {
  version: number;
  analysis: Analysis;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyses = new Map<string, CachedAnalysis>();

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The analysis of the document's current version (undefined when it is not open). */
  analysis(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis = analyze(document.getText());
    this.analyses.set(uri, { version: document.version, analysis });
    return analysis;
  }

  /** Whether `version` is still the document's current version. */
  isCurrent(uri: string, version: number): boolean {
    return this.documents.get(uri)?.version === version;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
  }
}
