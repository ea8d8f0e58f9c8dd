// Draws the Bilan IAE icon (three rising bars and a check mark on a rounded tile) and writes
// assets/icon-<size>.png. Pure code + node:zlib so the icons are reproducible without an image tool.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { Buffer } = require("node:buffer");

const SIZES = [16, 32, 64, 80, 128];
const PALETTE = {
  tile: [0x1f, 0x4e, 0x79], // deep blue
  bar: [0xff, 0xff, 0xff],
  barAccent: [0x9d, 0xc3, 0xe6],
  check: [0x3c, 0xb3, 0x71], // green
};

// Shapes in a 0..1 coordinate space; each returns true when the point is inside.
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
function thickSegment(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= (w / 2) ** 2;
  };
}
function circle(cx, cy, r) {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// Painter's order: later layers cover earlier ones.
const LAYERS = [
  { shape: roundedRect(0.02, 0.02, 0.98, 0.98, 0.18), color: PALETTE.tile },
  { shape: roundedRect(0.14, 0.56, 0.29, 0.84, 0.03), color: PALETTE.barAccent },
  { shape: roundedRect(0.34, 0.4, 0.49, 0.84, 0.03), color: PALETTE.bar },
  { shape: roundedRect(0.54, 0.22, 0.69, 0.84, 0.03), color: PALETTE.bar },
  { shape: circle(0.74, 0.36, 0.22), color: [0xff, 0xff, 0xff] },
  { shape: circle(0.74, 0.36, 0.185), color: PALETTE.check },
  { shape: thickSegment(0.64, 0.37, 0.71, 0.44, 0.07), color: [0xff, 0xff, 0xff] },
  { shape: thickSegment(0.71, 0.44, 0.85, 0.28, 0.07), color: [0xff, 0xff, 0xff] },
];

function render(size) {
  const ss = 4; // 4×4 supersampling for anti-aliased edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let color = null;
          for (const layer of LAYERS) if (layer.shape(x, y)) color = layer.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`${path.relative(process.cwd(), file)} (${size}×${size})`);
}
