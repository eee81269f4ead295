// Writes resources/icon.png (512x512): the placeholder app icon electron-builder turns into
// .ico/.icns/desktop icons. Run `node resources/generate-icon.mjs` after changing it.
// Drawn with plain math and zlib so no image library is needed: a teal rounded square,
// a white open book, and a red "live" dot.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const TEAL = [15, 92, 110];
const WHITE = [255, 255, 255];
const RED = [220, 38, 38];

const inRoundedSquare = (x, y) => {
  const r = 96;
  const m = 16;
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r);
  const cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m;
};
// Two pages, tilted like an open book, meeting at the spine (x = 256).
const inBook = (x, y) => {
  const dx = Math.abs(x - 256);
  if (dx > 150) return false;
  const top = 170 - dx * 0.18;
  const bottom = 370 - dx * 0.18;
  return y >= top && y <= bottom && dx >= 6;
};
const inDot = (x, y) => (x - 392) ** 2 + (y - 128) ** 2 <= 44 ** 2;

const colourAt = (x, y) => {
  if (inDot(x, y)) return [...RED, 255];
  if (!inRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (inBook(x, y)) return [...WHITE, 255];
  return [...TEAL, 255];
};

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [r, g, b, a] = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        sum[0] += r * a;
        sum[1] += g * a;
        sum[2] += b * a;
        sum[3] += a;
      }
    }
    const n = SAMPLES * SAMPLES;
    const alpha = sum[3] / n;
    const offset = row + 1 + x * 4;
    for (let c = 0; c < 3; c++) raw[offset + c] = alpha ? Math.round(sum[c] / sum[3]) : 0;
    raw[offset + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

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
console.log(`resources/icon.png written (${SIZE}x${SIZE}, ${png.length} bytes)`);
