// Pagination of printed sheets: rows never split, table headers repeat, headings stay with what
// follows, and nothing is lost or reordered whatever the heights.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { paginate, rowsThatFit, type MeasuredBlock } from '../../src/domain/print/paginate';

const rows = (n: number, height: number, table = 'T'): MeasuredBlock[] => Array.from({ length: n }, () => ({ height, table }));

describe('paginate', () => {
  it('puts 24 rows of 8 under a header of 10 on pages of 100: 11 rows a page', () => {
    const { pages, oversize } = paginate({ blocks: rows(24, 8), tableHeaders: { T: 10 }, capacity: 100 });
    expect(pages.map((p) => p.length)).toEqual([11, 11, 2]);
    expect(oversize).toEqual([]);
  });

  it('charges the header again on every page a table continues to', () => {
    // 12 rows of 8 = 96 fit in 100 without a header; with a header of 10 only 11 do.
    const without = paginate({ blocks: rows(12, 8), tableHeaders: {}, capacity: 100 });
    const withHeader = paginate({ blocks: rows(12, 8), tableHeaders: { T: 10 }, capacity: 100 });
    expect(without.pages).toHaveLength(1);
    expect(withHeader.pages.map((p) => p.length)).toEqual([11, 1]);
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    const blocks: MeasuredBlock[] = [{ height: 85 }, { height: 10, keepWithNext: true }, ...rows(3, 8)];
    const { pages } = paginate({ blocks, tableHeaders: { T: 5 }, capacity: 100 });
    // heading (10) + header (5) + first row (8) does not fit after 85: the heading moves on.
    expect(pages).toEqual([[0], [1, 2, 3, 4]]);
  });

  it('keeps a chain of headings with their first row', () => {
    const blocks: MeasuredBlock[] = [{ height: 70 }, { height: 10, keepWithNext: true }, { height: 10, keepWithNext: true }, { height: 15 }];
    expect(paginate({ blocks, tableHeaders: {}, capacity: 100 }).pages).toEqual([[0], [1, 2, 3]]);
  });

  it('does not move a heading whose chain would not fit even on an empty page', () => {
    const blocks: MeasuredBlock[] = [{ height: 20 }, { height: 10, keepWithNext: true }, { height: 150 }];
    const { pages, oversize } = paginate({ blocks, tableHeaders: {}, capacity: 100 });
    expect(pages).toEqual([[0, 1], [2]]);
    expect(oversize).toEqual([2]);
  });

  it('gives an oversize block a page of its own and reports it', () => {
    const blocks: MeasuredBlock[] = [{ height: 30 }, { height: 130 }, { height: 30 }];
    const { pages, oversize } = paginate({ blocks, tableHeaders: {}, capacity: 100 });
    expect(pages).toEqual([[0], [1], [2]]);
    expect(oversize).toEqual([1]);
  });

  it('gives an empty sheet one page', () => {
    expect(paginate({ blocks: [], tableHeaders: {}, capacity: 100 }).pages).toEqual([[]]);
  });

  it('keeps every block once, in order, and overfills a page only with one oversize block', () => {
    const block = fc.record({
      height: fc.integer({ min: 1, max: 140 }),
      table: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
      keepWithNext: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(block, { maxLength: 60 }), fc.integer({ min: 0, max: 20 }), (blocks, header) => {
        const clean = blocks.map((b) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined)) as unknown as MeasuredBlock);
        const tableHeaders = { A: header, B: header + 3 };
        const { pages, oversize } = paginate({ blocks: clean, tableHeaders, capacity: 100 });
        expect(pages.flat()).toEqual(clean.map((_, i) => i));
        for (const page of pages) {
          let used = 0;
          let table: string | undefined;
          for (const i of page) {
            const b = clean[i]!;
            used += b.height + (b.table && b.table !== table ? tableHeaders[b.table as 'A' | 'B'] : 0);
            table = b.table;
          }
          if (used > 100) expect(page.some((i) => oversize.includes(i))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('rowsThatFit', () => {
  it('counts whole rows under the header', () => {
    expect(rowsThatFit(200, 10, 8)).toBe(23);
    expect(rowsThatFit(5, 10, 8)).toBe(0);
  });
});
