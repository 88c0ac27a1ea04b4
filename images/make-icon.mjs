// Draws images/icon.png (128×128): a speedometer gauge on a rounded blue tile, the
// extension's marketplace icon. Run with `node images/make-icon.mjs`; no dependencies.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SUPERSAMPLE = 4;

/** CRC-32 as PNG chunks require it. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function insideRoundedSquare(x, y, margin, radius) {
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

const CX = 64;
const CY = 72;
const RING_OUTER = 44;
const RING_INNER = 33;
// The gauge sweeps 240°, from lower left (210°) clockwise to lower right (−30°).
const START = (210 * Math.PI) / 180;
const SWEEP = (240 * Math.PI) / 180;
const NEEDLE = START - 0.94 * SWEEP;

/** Colour of one point as [r, g, b, a] (0–255), before anti-aliasing. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 4, 22)) return [0, 0, 0, 0];
  const dx = x - CX;
  const dy = CY - y;
  const r = Math.hypot(dx, dy);
  // Clockwise distance from the start of the sweep, in radians.
  let along = START - Math.atan2(dy, dx);
  along = ((along % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  if (distanceToSegment(x, y, CX, CY, CX + 38 * Math.cos(NEEDLE), CY - 38 * Math.sin(NEEDLE)) <= 3.2) return [255, 255, 255, 255];
  if (r <= 8) return [255, 255, 255, 255];
  if (r >= RING_INNER && r <= RING_OUTER && along <= SWEEP) {
    const share = along / SWEEP;
    if (share > 0.9) return [74, 222, 128, 255]; // the met zone: green
    if (share > 0.75) return [250, 204, 21, 255]; // the warning zone: amber
    return [226, 232, 240, 255];
  }
  // Background: a vertical blue gradient.
  const t = y / SIZE;
  return [Math.round(30 + 10 * t), Math.round(64 + 40 * t), Math.round(175 + 50 * t), 255];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter type: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SUPERSAMPLE; sy++) {
      for (let sx = 0; sx < SUPERSAMPLE; sx++) {
        const c = colourAt(x + (sx + 0.5) / SUPERSAMPLE, y + (sy + 0.5) / SUPERSAMPLE);
        sum[0] += c[0] * c[3];
        sum[1] += c[1] * c[3];
        sum[2] += c[2] * c[3];
        sum[3] += c[3];
      }
    }
    const offset = y * (SIZE * 4 + 1) + 1 + x * 4;
    const alpha = sum[3] / SUPERSAMPLE ** 2;
    for (let i = 0; i < 3; i++) raw[offset + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
    raw[offset + 3] = Math.round(alpha);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
