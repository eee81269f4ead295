// Draws the phone remote's home-screen icons (src/renderer/public/icons/*.png) with nothing but
// Node: an open book on the app's blue with a red "live" dot. Run again after changing a shape:
//   node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = join(import.meta.dirname, '..', 'src', 'renderer', 'public', 'icons');
const BLUE = [0x1d, 0x4e, 0x89];
const WHITE = [0xff, 0xff, 0xff];
const RED = [0xd4, 0x10, 0x2b];
const SPINE = [0xc9, 0xd6, 0xe6];

/** The picture in unit coordinates (0..1 across the safe area): which colour is at (x, y). */
function paint(x, y) {
  // The red dot, top right: "on air".
  if ((x - 0.8) ** 2 + (y - 0.2) ** 2 < 0.085 ** 2) return RED;
  // Two pages, each a slanted quadrilateral meeting at the spine (x = 0.5).
  const top = 0.32 + Math.abs(x - 0.5) * -0.12;
  const bottom = 0.8 - Math.abs(x - 0.5) * 0.12;
  if (x > 0.12 && x < 0.88 && y > top && y < bottom) {
    if (Math.abs(x - 0.5) < 0.012) return SPINE;
    // Lines of text on each page.
    const inPage = Math.abs(x - 0.5) > 0.07 && Math.abs(x - 0.5) < 0.31;
    const line = (y - top) / (bottom - top);
    if (inPage && line > 0.18 && line < 0.82 && (line * 6) % 1 < 0.3) return SPINE;
    return WHITE;
  }
  return null;
}

/**
 * One icon: `size` pixels, the picture inside `safe` (a fraction of the side) on a blue field,
 * rounded corners unless maskable (the platform cuts its own shape then). 4×4 samples a pixel.
 */
function draw(size, { safe, rounded }) {
  const px = Buffer.alloc(size * size * 4);
  const radius = rounded ? size * 0.18 : 0;
  const S = 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sj = 0; sj < S; sj++) {
        for (let si = 0; si < S; si++) {
          const fx = i + (si + 0.5) / S;
          const fy = j + (sj + 0.5) / S;
          if (radius && outsideRounded(fx, fy, size, radius)) continue;
          const ux = (fx / size - (1 - safe) / 2) / safe;
          const uy = (fy / size - (1 - safe) / 2) / safe;
          const c = paint(ux, uy) ?? BLUE;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
      const n = S * S;
      const o = (j * size + i) * 4;
      const covered = a / 255;
      px[o] = covered ? Math.round(r / covered) : 0;
      px[o + 1] = covered ? Math.round(g / covered) : 0;
      px[o + 2] = covered ? Math.round(b / covered) : 0;
      px[o + 3] = Math.round(a / n);
    }
  }
  return png(size, px);
}

function outsideRounded(x, y, size, r) {
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 > r * r;
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const byte of buf) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** An 8-bit RGBA PNG. */
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
const icons = {
  'icon-192.png': draw(192, { safe: 0.86, rounded: true }),
  'icon-512.png': draw(512, { safe: 0.86, rounded: true }),
  // Maskable: full bleed, the picture inside the central 80 % circle the platforms keep.
  'icon-maskable-512.png': draw(512, { safe: 0.62, rounded: false }),
  // iOS rounds the corners itself and shows transparency as black: square and opaque.
  'apple-touch-icon.png': draw(180, { safe: 0.8, rounded: false }),
};
for (const [name, data] of Object.entries(icons)) writeFileSync(join(OUT, name), data);
console.log(`Wrote ${Object.keys(icons).join(', ')} to ${OUT}`);
