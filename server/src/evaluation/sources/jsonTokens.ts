// A streaming JSON tokenizer over bytes: it checks the grammar, counts lines, and hands
// each token to a handler with its byte range, so a large Prometheus response is read in
// chunks without building the whole document. A token cut by the end of a chunk is left
// for the next call (the caller keeps the bytes from the returned offset).
import { messages, type Messages } from '../../l10n/index';

export interface JsonHandler {
  startObject(line: number): void;
  endObject(line: number): void;
  startArray(line: number): void;
  endArray(line: number): void;
  /** An object key; bytes between the quotes, `escaped` when they hold a backslash. */
  key(b: Uint8Array, start: number, end: number, escaped: boolean, line: number): void;
  string(b: Uint8Array, start: number, end: number, escaped: boolean, line: number): void;
  number(b: Uint8Array, start: number, end: number, line: number): void;
  literal(value: true | false | null, line: number): void;
}

export class JsonSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const enum Expect {
  Value,
  ValueOrEnd, // after `[`
  KeyOrEnd, // after `{`
  Key, // after `,` in an object
  Colon,
  CommaOrEnd,
  Done,
}

/** Stand-ins for "a string" and "a number" until a message needs the words. */
const A_STRING = '\0string';
const A_NUMBER = '\0number';

const OBJECT = 1;
const ARRAY = 2;

export class JsonTokenizer {
  line = 1;
  private readonly handler: JsonHandler;
  private expect = Expect.Value;
  private stack = new Uint8Array(64);
  private depth = 0;
  /** Messages in the reader's language, built only when one fails. */
  private readonly t: Messages['t'];

  constructor(handler: JsonHandler, t: Messages['t'] = messages().t) {
    this.handler = handler;
    this.t = t;
  }

  /** True once the top-level value is complete. */
  get done(): boolean {
    return this.expect === Expect.Done;
  }

  /** Tokens of b[start, limit); returns the offset of the first incomplete token. */
  feed(b: Uint8Array, start: number, limit: number, eof: boolean): number {
    const h = this.handler;
    let p = start;
    while (p < limit) {
      const c = b[p];
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        p++;
        continue;
      }
      if (c === 0x0a) {
        this.line++;
        p++;
        continue;
      }
      const expect = this.expect;
      if (expect === Expect.Done) this.fail(this.t('json.afterEnd', { found: this.describe(c) }));
      if (c === 0x22) {
        // String.
        let q = p + 1;
        let escaped = false;
        for (;;) {
          while (q < limit && b[q] !== 0x22 && b[q] !== 0x5c && b[q] >= 0x20) q++;
          if (q >= limit) break;
          if (b[q] === 0x5c) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        if (q >= limit) {
          if (!eof) return p;
          this.fail(this.t('json.unclosedString'));
        }
        if (b[q] !== 0x22) this.fail(this.t('json.controlInString'));
        if (expect === Expect.KeyOrEnd || expect === Expect.Key) {
          h.key(b, p + 1, q, escaped, this.line);
          this.expect = Expect.Colon;
        } else {
          this.valueExpected(expect, A_STRING);
          h.string(b, p + 1, q, escaped, this.line);
          this.afterValue();
        }
        p = q + 1;
        continue;
      }
      if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        let q = p + 1;
        while (q < limit && isNumberByte(b[q])) q++;
        if (q >= limit && !eof) return p;
        this.valueExpected(expect, A_NUMBER);
        h.number(b, p, q, this.line);
        this.afterValue();
        p = q;
        continue;
      }
      switch (c) {
        case 0x7b: // {
          this.valueExpected(expect, '`{`');
          h.startObject(this.line);
          this.push(OBJECT);
          this.expect = Expect.KeyOrEnd;
          p++;
          continue;
        case 0x5b: // [
          this.valueExpected(expect, '`[`');
          h.startArray(this.line);
          this.push(ARRAY);
          this.expect = Expect.ValueOrEnd;
          p++;
          continue;
        case 0x7d: // }
          if (!(this.top() === OBJECT && (expect === Expect.KeyOrEnd || expect === Expect.CommaOrEnd))) {
            this.fail(this.t('json.unexpected', { found: '`}`' }));
          }
          this.depth--;
          h.endObject(this.line);
          this.afterValue();
          p++;
          continue;
        case 0x5d: // ]
          if (!(this.top() === ARRAY && (expect === Expect.ValueOrEnd || expect === Expect.CommaOrEnd))) {
            this.fail(this.t('json.unexpected', { found: '`]`' }));
          }
          this.depth--;
          h.endArray(this.line);
          this.afterValue();
          p++;
          continue;
        case 0x3a: // :
          if (expect !== Expect.Colon) this.fail(this.t('json.unexpected', { found: '`:`' }));
          this.expect = Expect.Value;
          p++;
          continue;
        case 0x2c: // ,
          if (expect !== Expect.CommaOrEnd) this.fail(this.t('json.unexpected', { found: '`,`' }));
          this.expect = this.top() === OBJECT ? Expect.Key : Expect.Value;
          p++;
          continue;
      }
      const literal = c === 0x74 ? 'true' : c === 0x66 ? 'false' : c === 0x6e ? 'null' : undefined;
      if (literal !== undefined) {
        if (p + literal.length > limit && !eof) return p;
        for (let i = 0; i < literal.length; i++) {
          if (b[p + i] !== literal.charCodeAt(i)) this.fail(this.t('json.unexpected', { found: this.describe(c) }));
        }
        this.valueExpected(expect, literal);
        h.literal(literal === 'true' ? true : literal === 'false' ? false : null, this.line);
        this.afterValue();
        p += literal.length;
        continue;
      }
      this.fail(this.t('json.unexpected', { found: this.describe(c) }));
    }
    if (eof && this.expect === Expect.Value && this.depth === 0) this.fail(this.t('json.empty'));
    if (eof && this.expect !== Expect.Done) this.fail(this.t('json.endsEarly'));
    return p;
  }

  /** `what`: the token as code (`` `{` ``, `true`), or A_STRING / A_NUMBER, worded only when it fails (hot path). */
  private valueExpected(expect: Expect, what: string): void {
    if (expect !== Expect.Value && expect !== Expect.ValueOrEnd) {
      if (what === A_STRING) this.fail(this.t('json.unexpectedString'));
      if (what === A_NUMBER) this.fail(this.t('json.unexpectedNumber'));
      this.fail(this.t('json.unexpected', { found: what }));
    }
  }

  private afterValue(): void {
    this.expect = this.depth === 0 ? Expect.Done : Expect.CommaOrEnd;
  }

  private top(): number {
    return this.depth === 0 ? 0 : this.stack[this.depth - 1];
  }

  private push(kind: number): void {
    if (this.depth === this.stack.length) {
      const bigger = new Uint8Array(this.stack.length * 2);
      bigger.set(this.stack);
      this.stack = bigger;
    }
    this.stack[this.depth++] = kind;
  }

  private fail(reason: string): never {
    throw new JsonSyntaxError(this.t('json.invalid', { reason }), this.line);
  }

  private describe(c: number): string {
    return c >= 0x21 && c < 0x7f ? `\`${String.fromCharCode(c)}\`` : this.t('json.byte', { hex: `0x${c.toString(16).padStart(2, '0')}` });
  }
}

function isNumberByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b || c === 0x65 || c === 0x45;
}

/** The text of a string token (escapes resolved). */
export function decodeJsonString(b: Uint8Array, start: number, end: number, escaped: boolean, t: Messages['t'] = messages().t): string {
  const raw = Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
  if (!escaped) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    throw new Error(t('json.badEscape', { raw }));
  }
}
