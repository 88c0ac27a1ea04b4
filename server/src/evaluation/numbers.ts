// Decimal numbers read straight from bytes, without making a string per value. The fast
// path is exact: a mantissa of at most 15 digits scaled by a power of ten up to 1e22 is
// one correctly rounded IEEE operation (both operands are exact doubles). Anything longer
// falls back to the platform's parser after the syntax has been checked here.

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * The decimal number that is exactly bytes [start, end): `[+-]digits[.digits][e[+-]digits]`
 * (a side of the point may be empty, not both). NaN when the bytes are not such a number or
 * it is not finite.
 */
export function parseDecimal(b: Uint8Array, start: number, end: number): number {
  const value = scanDecimal(b, start, end);
  return scanned === end ? value : NaN;
}

/** After scanDecimal: the offset just past the number. */
export let scanned = 0;

/**
 * Reads the decimal number starting at `start`, ending where its syntax ends (not after
 * `max`); sets `scanned`. NaN when no finite number starts there.
 */
export function scanDecimal(b: Uint8Array, start: number, max: number): number {
  const end = max;
  let p = start;
  if (p >= end) return NaN;
  let negative = false;
  let c = b[p];
  if (c === 0x2d || c === 0x2b) {
    negative = c === 0x2d;
    p++;
  }
  let mantissa = 0;
  let digits = 0; // significant digits accumulated in mantissa
  let scale = 0; // power of ten to apply to mantissa
  let seen = 0; // digits seen on either side of the point
  let exact = true;
  while (p < end && (c = b[p]) >= 0x30 && c <= 0x39) {
    if (digits < 15) {
      if (mantissa !== 0 || c !== 0x30) digits++;
      mantissa = mantissa * 10 + (c - 0x30);
    } else {
      exact = false;
    }
    seen++;
    p++;
  }
  if (p < end && b[p] === 0x2e) {
    p++;
    while (p < end && (c = b[p]) >= 0x30 && c <= 0x39) {
      if (digits < 15) {
        if (mantissa !== 0 || c !== 0x30) digits++;
        mantissa = mantissa * 10 + (c - 0x30);
        scale--;
      } else {
        exact = false;
      }
      seen++;
      p++;
    }
  }
  if (seen === 0) return NaN;
  if (p < end && (b[p] === 0x65 || b[p] === 0x45)) {
    p++;
    let expNegative = false;
    if (p < end && (b[p] === 0x2d || b[p] === 0x2b)) {
      expNegative = b[p] === 0x2d;
      p++;
    }
    let exponent = 0;
    let expDigits = 0;
    while (p < end && (c = b[p]) >= 0x30 && c <= 0x39) {
      if (exponent < 100000) exponent = exponent * 10 + (c - 0x30);
      expDigits++;
      p++;
    }
    if (expDigits === 0) return NaN;
    scale += expNegative ? -exponent : exponent;
  }
  scanned = p;
  let value: number;
  if (exact && scale >= -22 && scale <= 22) {
    value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  } else {
    value = Number(latin1(b, start, p));
  }
  if (!Number.isFinite(value)) return NaN;
  return negative ? -value : value;
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b ? s.slice(1) : s;
}
