// Lays sheets out as A4 pages. First every sheet is rendered once, out of sight, on a page of
// the real size, so each block (a field, a table row) and each table header can be measured;
// then domain/print/paginate.ts decides the pages, and every page is drawn as a fixed-size block
// with its own header (the patient, the QR code) and footer ("page x / y"). The same CSS draws
// both passes, so what was measured is what prints.
import { Fragment, memo, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { paginate, type Pagination } from '../../../domain/print/paginate';
import { QrCode } from './QrCode';
import type { PageInfo, PrintBlock, SheetSpec } from './sheet-types';

/** Room kept free at the bottom of every page body, in px: rounding and collapsed borders. */
const SLACK_PX = 6;
const QR_SIZE_MM = 32;

export interface LaidOut {
  /** Pages per sheet, in sheet order. */
  pages: number[];
  total: number;
  oversize: number;
  overflow: number;
}

interface Props {
  sheets: SheetSpec[];
  footer: (sheet: SheetSpec, page: PageInfo) => ReactNode;
  qrLabel: string;
  onLaidOut?: (result: LaidOut) => void;
}

/** Consecutive rows of one table become one <table> with its header; other blocks stand alone. */
function Segments({ blocks, indices }: { blocks: readonly PrintBlock[]; indices: readonly number[] }) {
  const out: ReactNode[] = [];
  for (let k = 0; k < indices.length; ) {
    const first = blocks[indices[k]!]!;
    const table = first.table;
    if (!table) {
      out.push(
        <div className="print-block" data-block={indices[k]} key={first.key}>
          {first.node}
        </div>,
      );
      k++;
      continue;
    }
    const run: number[] = [];
    while (k < indices.length && blocks[indices[k]!]!.table?.id === table.id) run.push(indices[k++]!);
    out.push(
      <table className={`pf-table ${table.className ?? ''}`} key={`${table.id}@${run[0]}`}>
        <colgroup>
          {table.widthsMm.map((w, i) => (
            <col key={i} style={{ width: `${w}mm` }} />
          ))}
        </colgroup>
        <thead data-table-head={table.id}>
          <tr>{table.header}</tr>
        </thead>
        <tbody>
          {run.map((i) => (
            <tr key={blocks[i]!.key} data-block={i} className={blocks[i]!.blankRow ? 'pf-row pf-row--blank' : 'pf-row'}>
              {blocks[i]!.node}
            </tr>
          ))}
        </tbody>
      </table>,
    );
  }
  return <>{out}</>;
}

function Page({ sheet, indices, footer, qrLabel, probe }: {
  sheet: SheetSpec;
  indices: readonly number[];
  footer: ReactNode;
  qrLabel: string;
  probe?: boolean;
}) {
  return (
    <section
      className={`print-page print-page--${sheet.orientation}${probe ? ' print-page--probe' : ''}`}
      data-sheet={sheet.key}
      data-probe={probe ? sheet.key : undefined}
    >
      <header className="sheet-head">
        <div className="sheet-head-main">{sheet.header}</div>
        <QrCode payload={sheet.qr} sizeMm={QR_SIZE_MM} label={qrLabel} />
      </header>
      <div className="sheet-body">
        <Segments blocks={sheet.blocks} indices={indices} />
      </div>
      <footer className="sheet-foot">{footer}</footer>
    </section>
  );
}

/** The sheet whose blocks are measured for this one: the first sheet with the same layout key. */
function representatives(sheets: readonly SheetSpec[]): Map<string, SheetSpec> {
  const first = new Map<string, SheetSpec>();
  const out = new Map<string, SheetSpec>();
  for (const s of sheets) {
    const key = s.layoutKey ?? `#${s.key}`;
    if (!first.has(key)) first.set(key, s);
    out.set(s.key, first.get(key)!);
  }
  return out;
}

function measure(root: HTMLElement, sheets: readonly SheetSpec[], reps: Map<string, SheetSpec>): Map<string, Pagination> {
  const result = new Map<string, Pagination>();
  const blocksOf = new Map<string, { heights: number[]; tableHeaders: Record<string, number> }>();
  for (const sheet of sheets) {
    const rep = reps.get(sheet.key) ?? sheet;
    // Every sheet's own probe gives its capacity (its header may wrap differently: a long name,
    // many allergies); the blocks were measured once, on the probe of its representative.
    const body = root.querySelector<HTMLElement>(`[data-probe="${CSS.escape(sheet.key)}"] .sheet-body`);
    const repBody = root.querySelector<HTMLElement>(`[data-probe="${CSS.escape(rep.key)}"] .sheet-body`);
    if (!body || !repBody) continue;
    let measured = blocksOf.get(rep.key);
    if (!measured) {
      const heights = new Array<number>(rep.blocks.length).fill(0);
      repBody.querySelectorAll<HTMLElement>('[data-block]').forEach((el) => {
        heights[Number(el.dataset.block)] = el.getBoundingClientRect().height;
      });
      const tableHeaders: Record<string, number> = {};
      repBody.querySelectorAll<HTMLElement>('[data-table-head]').forEach((el) => {
        tableHeaders[el.dataset.tableHead!] ??= el.getBoundingClientRect().height;
      });
      measured = { heights, tableHeaders };
      blocksOf.set(rep.key, measured);
    }
    const { heights, tableHeaders } = measured;
    const capacity = body.getBoundingClientRect().height - SLACK_PX;
    result.set(
      sheet.key,
      paginate({
        blocks: sheet.blocks.map((b, i) => ({ height: heights[i]!, table: rep.blocks[i]?.table?.id, keepWithNext: b.keepWithNext })),
        tableHeaders,
        capacity,
      }),
    );
  }
  return result;
}

const ALL = (n: number) => Array.from({ length: n }, (_, i) => i);
const NONE: readonly number[] = [];
const PROBE_FOOTER: PageInfo = { page: 999, pages: 999, overall: 9999, overallPages: 9999 };

/**
 * Memoised: the screen around it re-renders (options, status) without redrawing a hundred pages.
 * The caller keeps `footer` and `onLaidOut` stable (useCallback).
 */
export const PagedDocument = memo(function PagedDocument({ sheets, footer, qrLabel, onLaidOut }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<{ of: SheetSpec[]; pages: Map<string, Pagination> } | null>(null);
  const current = layout && layout.of === sheets ? layout : null;

  // Pass 1: measure the probes, then paginate.
  useLayoutEffect(() => {
    if (current || !root.current) return;
    setLayout({ of: sheets, pages: measure(root.current, sheets, representatives(sheets)) });
  }, [sheets, current]);

  // Pass 2: check that no page body overflows, and tell the screen what was laid out.
  useLayoutEffect(() => {
    if (!current || !root.current) return;
    let overflow = 0;
    root.current.querySelectorAll<HTMLElement>('.print-page .sheet-body').forEach((body) => {
      if (body.scrollHeight > body.clientHeight + 1) {
        overflow++;
        body.closest('.print-page')?.setAttribute('data-overflow', 'true');
      }
    });
    const pages = sheets.map((s) => current.pages.get(s.key)?.pages.length ?? 1);
    const oversize = [...current.pages.values()].reduce((n, p) => n + p.oversize.length, 0);
    onLaidOut?.({ pages, total: pages.reduce((a, b) => a + b, 0), oversize, overflow });
  }, [current, sheets, onLaidOut]);

  if (!current) {
    const reps = representatives(sheets);
    return (
      <div className="print-doc print-doc--measuring" ref={root} aria-hidden="true">
        {sheets.map((s) => (
          // Sheets laid out like an earlier one probe their header and footer only.
          <Page key={s.key} sheet={s} indices={reps.get(s.key) === s ? ALL(s.blocks.length) : NONE} footer={footer(s, PROBE_FOOTER)} qrLabel={qrLabel} probe />
        ))}
      </div>
    );
  }

  const overallPages = sheets.reduce((n, s) => n + (current.pages.get(s.key)?.pages.length ?? 1), 0);
  let overall = 0;
  return (
    <div className="print-doc" ref={root} data-print-ready="true" data-pages={overallPages}>
      {sheets.map((s) => {
        const pages = current.pages.get(s.key)?.pages ?? [ALL(s.blocks.length)];
        return (
          <Fragment key={s.key}>
            {pages.map((indices, i) => {
              overall++;
              const info: PageInfo = { page: i + 1, pages: pages.length, overall, overallPages };
              return <Page key={i} sheet={s} indices={indices} footer={footer(s, info)} qrLabel={qrLabel} />;
            })}
          </Fragment>
        );
      })}
    </div>
  );
});
