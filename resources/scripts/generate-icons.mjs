#!/usr/bin/env node
// Draws Partner Desk's icons as PNG with nothing but Node's zlib: the app icon (1024 px, from
// which electron-builder derives .icns and .ico), the tray icons and the Windows taskbar badge.
// The shapes match icons/icon.svg. Run: node resources/scripts/generate-icons.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = (...parts) => path.join(here, '..', ...parts);

// --- PNG encoding -------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Shapes (unit square, y down), as signed distance functions -----------------------------
const roundedBox = (x, y, x0, y0, x1, y1, r) => {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, [ax, ay], [bx, by]) => {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
};
const polyline = (x, y, points, width) => {
  let d = Infinity;
  for (let i = 1; i < points.length; i += 1) d = Math.min(d, segment(x, y, points[i - 1], points[i]));
  return d - width / 2;
};

// The glyph: an inbox tray with an arrow dropping into it (same coordinates as icon.svg, /1024).
const TRAY = [
  [0.27, 0.53],
  [0.27, 0.74],
  [0.73, 0.74],
  [0.73, 0.53],
  [0.62, 0.53],
  [0.58, 0.61],
  [0.42, 0.61],
  [0.38, 0.53],
  [0.27, 0.53],
];
const ARROW = [
  [0.5, 0.22],
  [0.5, 0.47],
];
const HEAD = [
  [0.4, 0.37],
  [0.5, 0.47],
  [0.6, 0.37],
];
const glyph = (x, y, width) =>
  Math.min(polyline(x, y, TRAY, width), polyline(x, y, ARROW, width), polyline(x, y, HEAD, width));
const dot = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;

const BLUE_TOP = [37, 99, 235];
const BLUE_BOTTOM = [30, 64, 175];
const ORANGE = [249, 115, 22];
const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];

/** Renders `paint(x, y)` → [r, g, b, a] layers, 4×4 supersampled for smooth edges. */
function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = [0, 0, 0],
            alpha = 0;
          for (const layer of layers) {
            const hit = layer(x, y);
            if (hit) {
              // Straight "over" compositing of an opaque layer.
              color = hit;
              alpha = 1;
            }
          }
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const n = samples * samples;
      const i = (py * size + px) * 4;
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / n) * 255);
    }
  }
  return encodePng(size, rgba);
}

const mix = (top, bottom, t) => top.map((c, i) => Math.round(c + (bottom[i] - c) * t));
const background = (margin, radius) => (x, y) =>
  roundedBox(x, y, margin, margin, 1 - margin, 1 - margin, radius) <= 0
    ? mix(BLUE_TOP, BLUE_BOTTOM, y)
    : null;
const stroke = (width, color) => (x, y) => (glyph(x, y, width) <= 0 ? color : null);
const badgeDot = (cx, cy, r) => (x, y) => (dot(x, y, cx, cy, r) <= 0 ? ORANGE : null);

const files = {
  // App icon: macOS-style padding; electron-builder builds .icns / .ico from it.
  'icons/icon.png': [1024, [background(0.08, 0.19), stroke(0.06, WHITE), badgeDot(0.75, 0.27, 0.075)]],
  // Tray (Windows, Linux): edge to edge and bolder, to read at 16 px.
  'tray/tray.png': [16, [background(0, 0.2), stroke(0.11, WHITE)]],
  'tray/tray@2x.png': [32, [background(0, 0.2), stroke(0.1, WHITE)]],
  'tray/tray-attention.png': [16, [background(0, 0.2), stroke(0.11, WHITE), badgeDot(0.78, 0.22, 0.22)]],
  'tray/tray-attention@2x.png': [32, [background(0, 0.2), stroke(0.1, WHITE), badgeDot(0.78, 0.22, 0.2)]],
  // macOS menu bar: a template image (black plus alpha) that follows light and dark mode.
  'tray/trayTemplate.png': [16, [stroke(0.12, BLACK)]],
  'tray/trayTemplate@2x.png': [32, [stroke(0.11, BLACK)]],
  // Windows taskbar overlay while referrals await a response.
  'tray/badge.png': [16, [badgeDot(0.5, 0.5, 0.45)]],
  'tray/badge@2x.png': [32, [badgeDot(0.5, 0.5, 0.45)]],
};

for (const [name, [size, layers]] of Object.entries(files)) {
  writeFileSync(out(name), render(size, layers));
  console.log(`wrote resources/${name} (${size}×${size})`);
}
