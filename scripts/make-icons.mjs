#!/usr/bin/env node
// Draws the Relève icons: a white rounded medical cross inside two chasing arrows (the
// handover, "la relève"), white on the theme colour. No dependencies: the PNGs are
// rasterised here with 6x6 supersampling and encoded with node:zlib, and the SVG favicon is
// written from the same geometry, so every icon shows the same glyph.
//
//   node scripts/make-icons.mjs   -> public/icons/{icon-192,icon-512,maskable-512}.png, public/favicon.svg
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const PUBLIC = join(dirname(fileURLToPath(import.meta.url)), '..', 'public');
const THEME = [0x0b, 0x4f, 0x6c];
const WHITE = [0xff, 0xff, 0xff];

// ---- The glyph, in units where it fits in the unit circle around (0, 0), y pointing down.
const CROSS = { arm: 0.43, half: 0.145, round: 0.06 }; // half-length of an arm, half-width, corner radius
const RING = { r: 0.74, half: 0.065 }; // centre-line radius and half-thickness of the arrows
const HEAD = { half: 0.19, sweepDeg: 30 }; // arrowhead half-width and how far its tip runs along the ring
// Two arcs, each turning clockwise on screen, with the arrowhead at the end.
// Angles are in degrees, clockwise from 3 o'clock (screen coordinates).
const ARCS = [
  { from: 195, to: 330 }, // over the top, left to right, head pointing down the right side
  { from: 15, to: 150 }, // under the bottom, right to left, head pointing up the left side
];
/** How far the glyph reaches from its centre, in glyph units: the outer edge of the arrowheads. */
export const GLYPH_EXTENT = RING.r + HEAD.half;

const rad = (deg) => (deg * Math.PI) / 180;

function inRoundBox(x, y, hw, hh, r) {
  const qx = Math.abs(x) - hw + r;
  const qy = Math.abs(y) - hh + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r <= 0;
}

function inCross(x, y) {
  const { arm, half, round } = CROSS;
  return inRoundBox(x, y, arm, half, round) || inRoundBox(x, y, half, arm, round);
}

/** Angle in [0, 360), clockwise from 3 o'clock in screen coordinates. */
const angleOf = (x, y) => ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;

function angleWithin(a, from, to) {
  const span = (to - from + 360) % 360;
  return (a - from + 360) % 360 <= span;
}

function inTriangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const d1 = (px - bx) * (ay - by) - (ax - bx) * (py - by);
  const d2 = (px - cx) * (by - cy) - (bx - cx) * (py - cy);
  const d3 = (px - ax) * (cy - ay) - (cx - ax) * (py - ay);
  const neg = d1 < 0 || d2 < 0 || d3 < 0;
  const pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

const polar = (r, deg) => [r * Math.cos(rad(deg)), r * Math.sin(rad(deg))];

/** The arrowhead at the end of an arc: a base across the ring, a tip further along it. */
function headOf(arc) {
  return [polar(RING.r - HEAD.half, arc.to), polar(RING.r + HEAD.half, arc.to), polar(RING.r, arc.to + HEAD.sweepDeg)];
}
const HEADS = ARCS.map(headOf);

function inArrows(x, y) {
  const d = Math.hypot(x, y);
  if (Math.abs(d - RING.r) <= RING.half) {
    const a = angleOf(x, y);
    if (ARCS.some((arc) => angleWithin(a, arc.from, arc.to))) return true;
  }
  return HEADS.some(([p, q, t]) => inTriangle(x, y, p, q, t));
}

const inGlyph = (x, y) => inCross(x, y) || inArrows(x, y);

// ---- Rasterising.
/**
 * @param size      canvas side in pixels
 * @param glyphR    how many pixels one glyph unit is
 * @param bgCorner  corner radius of the background as a fraction of size; 0 = full bleed
 */
function render(size, glyphR, bgCorner) {
  const SS = 6;
  const rgba = Buffer.alloc(size * size * 4);
  const c = size / 2;
  const bgHalf = size / 2;
  const bgR = bgCorner * size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = px + (sx + 0.5) / SS - c;
          const y = py + (sy + 0.5) / SS - c;
          if (bgR === 0 || inRoundBox(x, y, bgHalf, bgHalf, bgR)) {
            bg++;
            if (inGlyph(x / glyphR, y / glyphR)) fg++;
          }
        }
      }
      const n = SS * SS;
      const i = (py * size + px) * 4;
      // The glyph sits on the background, so colour is the mix within the covered area.
      const t = bg === 0 ? 0 : fg / bg;
      for (let k = 0; k < 3; k++) rgba[i + k] = Math.round(THEME[k] * (1 - t) + WHITE[k] * t);
      rgba[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return rgba;
}

// ---- PNG encoding: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC-32.
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
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

export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // standard filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- The SVG favicon, from the same geometry (512 user units, like the big icon).
function svg() {
  const S = 512;
  const g = (S * 0.44) / GLYPH_EXTENT; // glyph units -> user units, as in the "any" icons
  const f = (v) => +(v * g + S / 2).toFixed(2);
  const { arm, half, round } = CROSS;
  const rect = (hw, hh) =>
    `<rect x="${f(-hw)}" y="${f(-hh)}" width="${+(2 * hw * g).toFixed(2)}" height="${+(2 * hh * g).toFixed(2)}" rx="${+(round * g).toFixed(2)}"/>`;
  const arcs = ARCS.map((arc) => {
    const [x0, y0] = polar(RING.r, arc.from);
    const [x1, y1] = polar(RING.r, arc.to);
    const large = (arc.to - arc.from + 360) % 360 > 180 ? 1 : 0;
    return `<path d="M${f(x0)} ${f(y0)}A${+(RING.r * g).toFixed(2)} ${+(RING.r * g).toFixed(2)} 0 ${large} 1 ${f(x1)} ${f(y1)}"/>`;
  }).join('');
  const heads = HEADS.map((pts) => `<path d="M${pts.map(([x, y]) => `${f(x)} ${f(y)}`).join('L')}Z"/>`).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${S} ${S}">` +
    `<title>Relève</title>` +
    `<rect width="${S}" height="${S}" rx="${S * 0.18}" fill="#0b4f6c"/>` +
    `<g fill="#fff">${rect(arm, half)}${rect(half, arm)}${heads}</g>` +
    `<g fill="none" stroke="#fff" stroke-width="${+(2 * RING.half * g).toFixed(2)}">${arcs}</g>` +
    `</svg>\n`
  );
}

function main() {
  mkdirSync(join(PUBLIC, 'icons'), { recursive: true });
  // "any": rounded square, the glyph reaching 44% of the side from the centre.
  for (const size of [192, 512]) {
    const png = encodePng(size, size, render(size, (size * 0.44) / GLYPH_EXTENT, 0.18));
    writeFileSync(join(PUBLIC, 'icons', `icon-${size}.png`), png);
  }
  // "maskable": full bleed; the glyph stays inside the safe zone, a circle of 40% of the side
  // (the 80% diameter), with a margin.
  const size = 512;
  const maskable = encodePng(size, size, render(size, (size * 0.36) / GLYPH_EXTENT, 0));
  writeFileSync(join(PUBLIC, 'icons', 'maskable-512.png'), maskable);
  writeFileSync(join(PUBLIC, 'favicon.svg'), svg());
  console.log('wrote public/icons/icon-192.png, icon-512.png, maskable-512.png and public/favicon.svg');
}

main();
