// Open documents and their analyses: one analysis per document version, computed on first
// use and shared by diagnostics and every feature. A newer version replaces the cached one,
// so work for a stale version is never reused; pending validations check the version
// before publishing (see validation.ts). The edits since the cached analysis are kept as
// one covering edit, so the next analysis re-parses only what they touched (analyzeEdit).
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyze, analyzeEdit, type Analysis, type TextEdit } from '../language/analyze';
import { DEFAULT_LOCALE, type Locale } from '../l10n/index';
import { FULL_ANALYSIS_HEAP_GROWING_PERCENT, LARGE_TEXT_HEAP_GROWING_PERCENT, withHeapGrowingFor } from '../runtime/heapGrowth';

interface CachedAnalysis {
  version: number;
  locale: Locale;
  analysis: Analysis;
}

/**
 * A client's edit with its range clamped into the document, as VS Code clamps ranges
 * (undefined when it is no edit). The text-document library trusts ranges: one starting past
 * the last line leaves its line table wrong, after which every edit lands in the wrong place
 * and the text keeps doubling.
 */
export function clampChange(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent | undefined {
  if (typeof change?.text !== 'string') return undefined;
  if (!('range' in change) || !change.range) return { text: change.text };
  // offsetAt clamps any line and character into the text; positionAt turns that back into a valid position.
  const start = document.offsetAt(validPosition(change.range.start));
  const end = document.offsetAt(validPosition(change.range.end));
  return { range: { start: document.positionAt(Math.min(start, end)), end: document.positionAt(Math.max(start, end)) }, text: change.text };
}

/** A position with whole, finite numbers (anything else is read as 0). */
function validPosition(position: { line: number; character: number } | undefined): { line: number; character: number } {
  const whole = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : 0);
  return { line: whole(position?.line), character: whole(position?.character) };
}

export class DocumentStore {
  readonly documents = new TextDocuments<TextDocument>({
    // A document (re)opened is new text: its next analysis is a full one.
    create: (uri, languageId, version, content) => {
      this.edits.set(uri, 'whole');
      return TextDocument.create(uri, languageId, version, content);
    },
    // One change at a time: each range refers to the text the previous change left.
    update: (document, changes, version) => {
      let current = document;
      for (const change of changes) {
        const valid = clampChange(current, change);
        if (!valid) continue;
        this.noteEdit(current, valid);
        current = TextDocument.update(current, [valid], version);
      }
      return TextDocument.update(current, [], version);
    },
  });
  private readonly analyses = new Map<string, CachedAnalysis>();
  /**
   * Analyses that an asynchronous reader (an evaluation) holds, with how many hold each: the
   * next edit analyses such a document afresh, because analyzeEdit spends the previous
   * analysis (moves and updates its AST and facts in place for the new text).
   */
  private readonly held = new Map<Analysis, number>();
  /** Per document, the edits since its cached analysis as one covering edit ('whole': replaced). */
  private readonly edits = new Map<string, TextEdit | 'whole'>();

  /** `locale`: the language of the checker's messages (the client's, or `sla.locale`). */
  constructor(private readonly locale: () => Locale = () => DEFAULT_LOCALE) {}

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The analysis of the document's current version (undefined when it is not open). */
  analysis(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const cached = this.analyses.get(uri);
    const locale = this.locale();
    if (cached && cached.version === document.version && cached.locale === locale) return cached.analysis;
    const edit = this.edits.get(uri);
    this.edits.delete(uri);
    const text = document.getText();
    const analysis =
      cached && cached.locale === locale && edit !== undefined && edit !== 'whole' && !this.held.has(cached.analysis)
        ? analyzeEdit(cached.analysis, text, edit, { locale })
        : analyzeInFull(text, locale);
    this.analyses.set(uri, { version: document.version, locale, analysis });
    return analysis;
  }

  /**
   * The analysis of the current version, kept as it is until `release` is called, however the
   * document changes meanwhile (undefined when the document is not open).
   */
  hold(uri: string): { analysis: Analysis; release(): void } | undefined {
    const analysis = this.analysis(uri);
    if (!analysis) return undefined;
    this.held.set(analysis, (this.held.get(analysis) ?? 0) + 1);
    let released = false;
    return {
      analysis,
      release: () => {
        if (released) return;
        released = true;
        const count = (this.held.get(analysis) ?? 1) - 1;
        if (count > 0) this.held.set(analysis, count);
        else this.held.delete(analysis);
      },
    };
  }

  /** Adds one change (clamped, in `document`'s coordinates) to the document's covering edit. */
  private noteEdit(document: TextDocument, change: TextDocumentContentChangeEvent): void {
    const uri = document.uri;
    if (!('range' in change) || !change.range) {
      this.edits.set(uri, 'whole');
      return;
    }
    const cover = this.edits.get(uri);
    if (cover === 'whole') return;
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    this.edits.set(uri, coverEdits(cover, start, end, change.text.length));
  }

  /** Whether `version` is still the document's current version. */
  isCurrent(uri: string, version: number): boolean {
    return this.documents.get(uri)?.version === version;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.edits.delete(uri);
  }
}

/**
 * A full analysis; of a large text with the heap's growing factor the server uses for a full
 * analysis, then back to its factor for a large open text (lsp/server.ts sets that one when
 * a large text is opened).
 */
function analyzeInFull(text: string, locale: Locale): Analysis {
  return withHeapGrowingFor(text, FULL_ANALYSIS_HEAP_GROWING_PERCENT, LARGE_TEXT_HEAP_GROWING_PERCENT, () => analyze(text, { locale }));
}

/**
 * One edit covering `cover` (old text → current text) followed by replacing the current
 * text's [start, end) with `length` characters.
 */
export function coverEdits(cover: TextEdit | undefined, start: number, end: number, length: number): TextEdit {
  if (!cover) return { start, oldEnd: end, newEnd: start + length };
  const currentEnd = Math.max(cover.newEnd, end);
  return {
    start: Math.min(cover.start, start),
    oldEnd: cover.oldEnd + (currentEnd - cover.newEnd),
    newEnd: currentEnd + length - (end - start),
  };
}
