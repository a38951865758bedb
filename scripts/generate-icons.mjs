#!/usr/bin/env node
// Writes public/icon/{16,32,48,128}.png: the Sharewise mark (three linked dots — a share — on a
// rounded square) drawn from signed distances, supersampled for smooth edges. No dependencies, so
// the icons can be regenerated anywhere with `node scripts/generate-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = join(import.meta.dirname, '../public/icon');
const SIZES = [16, 32, 48, 128];
const BG = [0x1d, 0x5f, 0x8a]; // deep blue, contrast 7:1 against white
const FG = [0xff, 0xff, 0xff];

// Shapes in a unit square (0..1).
const roundedSquare = (x, y) => {
  const r = 0.22;
  const qx = Math.abs(x - 0.5) - (0.5 - r);
  const qy = Math.abs(y - 0.5) - (0.5 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - w;
};
const dots = [
  [0.3, 0.5],
  [0.68, 0.28],
  [0.68, 0.72],
];
const mark = [
  ...dots.map(([cx, cy]) => circle(cx, cy, 0.11)),
  segment(0.3, 0.5, 0.68, 0.28, 0.045),
  segment(0.3, 0.5, 0.68, 0.72, 0.045),
];
const inMark = (x, y) => mark.some((d) => d(x, y) <= 0);

function render(size) {
  const ss = 4; // samples per axis
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      let bg = 0,
        fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (roundedSquare(x, y) > 0) continue;
          if (inMark(x, y)) fg++;
          else bg++;
        }
      }
      const cover = (bg + fg) / (ss * ss);
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[o + c] = bg + fg ? Math.round((BG[c] * bg + FG[c] * fg) / (bg + fg)) : 0;
      row[o + 3] = Math.round(cover * 255);
    }
    rows.push(row);
  }
  return png(size, size, Buffer.concat(rows));
}

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(w, h, raw) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(OUT, `${size}.png`), render(size));
  console.log(`public/icon/${size}.png`);
}
