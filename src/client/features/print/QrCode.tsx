// The QR code of a printed page, drawn as SVG from the module matrix (qrcode-generator, no
// network, no canvas). Error correction M survives a photocopy's speckles; the quiet zone of
// four modules is part of the drawing so nothing printed next to it can touch the symbol.
import { memo, useMemo } from 'react';
import qrcode from 'qrcode-generator';
import { qrPayloadText, type QrPayload } from '../../../domain/print/qr-payload';

const QUIET = 4;

// A kit draws the same code on every page of a sheet, and twice (measure, then print).
const drawn = new Map<string, { size: number; d: string }>();

/** The dark modules as one SVG path: a 1x1 square per module, rows merged into runs. */
function qrPath(text: string): { size: number; d: string } {
  const known = drawn.get(text);
  if (known) return known;
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (!qr.isDark(r, c)) continue;
      let run = 1;
      while (c + run < n && qr.isDark(r, c + run)) run++;
      parts.push(`M${c + QUIET} ${r + QUIET}h${run}v1h-${run}z`);
      c += run - 1;
    }
  }
  const result = { size: n + 2 * QUIET, d: parts.join('') };
  if (drawn.size > 2000) drawn.clear();
  drawn.set(text, result);
  return result;
}

export const QrCode = memo(function QrCode({ payload, sizeMm, label }: { payload: QrPayload; sizeMm: number; label: string }) {
  const text = qrPayloadText(payload);
  const { size, d } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      className="sheet-qr"
      role="img"
      aria-label={label}
      data-qr={text}
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
});
