// Generates the PWA PNG icons in web/public from the same geometry as favicon.svg.
// Run once with `node web/scripts/generate-icons.mjs`; the output is committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BG = [0x95, 0x1f, 0x36];
const FG = [0xff, 0xff, 0xff];
const publicDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');

/** The letter P in a unit square: stem, two bars and a half ring. */
function inGlyph(x, y) {
  if (x >= 0.32 && x <= 0.44 && y >= 0.22 && y <= 0.78) return true;
  if (x >= 0.32 && x <= 0.5 && ((y >= 0.22 && y <= 0.34) || (y >= 0.44 && y <= 0.56))) return true;
  if (x >= 0.5) {
    const d = Math.hypot(x - 0.5, y - 0.39);
    return d <= 0.17 && d >= 0.05;
  }
  return false;
}

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

function render(size, { maskable }) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (!maskable && !inRoundedSquare(x, y, 0.2)) continue;
          // Maskable icons keep the glyph inside the 80 % safe zone.
          const gx = maskable ? (x - 0.5) / 0.8 + 0.5 : x;
          const gy = maskable ? (y - 0.5) / 0.8 + 0.5 : y;
          if (inGlyph(gx, gy)) fg++;
          else bg++;
        }
      }
      const n = ss * ss;
      const alpha = (bg + fg) / n;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = bg + fg === 0 ? 0 : Math.round((BG[c] * bg + FG[c] * fg) / (bg + fg));
      }
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return encodePng(size, rgba);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(join(publicDir, 'pwa-192.png'), render(192, { maskable: false }));
writeFileSync(join(publicDir, 'pwa-512.png'), render(512, { maskable: false }));
writeFileSync(join(publicDir, 'pwa-maskable-512.png'), render(512, { maskable: true }));
writeFileSync(join(publicDir, 'apple-touch-icon.png'), render(180, { maskable: true }));
console.log('icons written to', publicDir);
