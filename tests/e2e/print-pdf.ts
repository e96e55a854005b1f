// Reading printed PDFs back as a person and a back-entry scanner would: the text of each page
// (poppler's pdftotext) and the QR code of each page (poppler's pdftoppm at 150 dpi, decoded by
// jsQR from the page's top right corner, where every sheet carries it). Sizes are in points.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { parseQrPayload, type QrPayload } from '../../src/domain/print/qr-payload';

export const ARTEFACTS = join(import.meta.dirname, '..', '..', '.tmp', 'e2e-print');

export interface PrintedPage {
  n: number;
  text: string;
  qr: QrPayload | null;
  qrText: string | null;
  width: number;
  height: number;
}

/**
 * Prints the page to an A4 PDF, as a person would, after checking in print media that nothing is
 * printed over its neighbour: each table cell's content fits its column. A temporary IPP kept on
 * one line once ran over the census's allergies, and the PDF's text still read right.
 */
export async function printA4(page: Page, name: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const spilled = await page
    .locator('.print-page td')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent ?? ''));
  await page.emulateMedia({ media: null });
  if (spilled.length > 0) throw new Error(`${name}: cells wider than their column: ${JSON.stringify(spilled)}`);
  return savePdf(name, await page.pdf({ format: 'A4' }));
}

function savePdf(name: string, pdf: Buffer): string {
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = join(ARTEFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
}

/** The text of every page, in reading order (pages are separated by form feeds). */
export function pageTexts(file: string): string[] {
  const all = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = all.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  // One line of text per page: a name wrapped in a table cell ("LEMAIRE Jean-" / "François")
  // reads back whole, as a person reads it.
  return pages.map((p) => p.replace(/\u00ad/g, '').replace(/\s+/g, ' ').replace(/- (?=\p{L})/gu, '-'));
}

function decodeRegion(png: PNG, x0: number, y0: number, w: number, h: number): string | null {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * png.width + x0) * 4;
    data.set(png.data.subarray(from, from + w * 4), y * w * 4);
  }
  return jsQR(data, w, h, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/** Page sizes in PostScript points, page by page. */
function pageSizes(file: string): { width: number; height: number }[] {
  const n = pageCount(file);
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(n), file], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

const DPI = 150;
/** The corner read for the QR code: 70 mm square, top right, at 150 dpi. */
const CORNER_PX = Math.round((70 / 25.4) * DPI);

/**
 * Renders the QR corner of every page at 150 dpi (pdftoppm crops while it renders, so a
 * hundred-page kit takes seconds) and decodes it; the text comes from pdftotext.
 */
export function readPages(file: string, name: string): PrintedPage[] {
  const dir = join(ARTEFACTS, `${name}-qr`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const sizes = pageSizes(file);
  const texts = pageTexts(file);
  // One pdftoppm run per stretch of pages of the same width (portrait, landscape).
  for (let first = 0; first < sizes.length; ) {
    let last = first;
    while (last + 1 < sizes.length && sizes[last + 1]!.width === sizes[first]!.width) last++;
    const widthPx = Math.round((sizes[first]!.width / 72) * DPI);
    execFileSync('pdftoppm', ['-f', String(first + 1), '-l', String(last + 1), '-r', String(DPI), '-x', String(widthPx - CORNER_PX),
      '-y', '0', '-W', String(CORNER_PX), '-H', String(CORNER_PX), '-png', file, join(dir, 'p')]);
    first = last + 1;
  }
  const byPage = new Map(readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => [Number(/(\d+)\.png$/.exec(f)![1]), f]));
  return sizes.map((size, i) => {
    const f = byPage.get(i + 1);
    const png = f ? PNG.sync.read(readFileSync(join(dir, f))) : null;
    const qrText = png ? decodeRegion(png, 0, 0, png.width, png.height) : null;
    return { n: i + 1, text: texts[i] ?? '', qrText, qr: qrText ? parseQrPayload(qrText) : null, width: size.width, height: size.height };
  });
}
