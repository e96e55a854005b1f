// Cutting a printed sheet into A4 pages. Chromium cannot repeat per-sheet content (the patient,
// "page x / y") in @page margin boxes (no string-set, no running elements), so every page of a
// sheet is laid out by us as a fixed-size block with its own header and footer, and this decides
// which measured blocks go on which page.
//
// The rules: a block is never split (a table row, a field with its writing lines); a table's
// header row is repeated on every page that holds rows of it; a heading is never the last thing
// on a page (it goes with what follows). A block taller than a whole page still gets a page of
// its own and is reported, so the screen can say that something will not fit.
export interface MeasuredBlock {
  /** Its height on paper, margins included, in any unit as long as all agree (px as measured). */
  height: number;
  /** The table it is a row of. */
  table?: string;
  /** Keep on the same page as the block after it (headings, a table's title). */
  keepWithNext?: boolean;
}

export interface PaginationInput {
  blocks: readonly MeasuredBlock[];
  /** Height of each table's header row, repeated on every page the table reaches. */
  tableHeaders: Readonly<Record<string, number>>;
  /** Height of a page's body: the page minus its header and footer. */
  capacity: number;
}

export interface Pagination {
  /** Block indices, page by page, in order. Never empty: a sheet with no block has one blank page. */
  pages: number[][];
  /** Blocks taller than a page on their own. */
  oversize: number[];
}

function cost(input: PaginationInput, i: number, previousTable: string | undefined): number {
  const b = input.blocks[i]!;
  const header = b.table !== undefined && b.table !== previousTable ? (input.tableHeaders[b.table] ?? 0) : 0;
  return b.height + header;
}

/** The height of block i and the blocks chained to it by keepWithNext, from a given table context. */
function chainCost(input: PaginationInput, i: number, previousTable: string | undefined): number {
  let total = 0;
  let table = previousTable;
  for (let j = i; j < input.blocks.length; j++) {
    total += cost(input, j, table);
    table = input.blocks[j]!.table;
    if (!input.blocks[j]!.keepWithNext) break;
  }
  return total;
}

export function paginate(input: PaginationInput): Pagination {
  const pages: number[][] = [];
  const oversize: number[] = [];
  let page: number[] = [];
  let used = 0;
  let lastTable: string | undefined;
  const newPage = () => {
    pages.push(page);
    page = [];
    used = 0;
    lastTable = undefined;
  };
  for (let i = 0; i < input.blocks.length; i++) {
    const block = input.blocks[i]!;
    if (page.length > 0) {
      const needed = block.keepWithNext ? chainCost(input, i, lastTable) : cost(input, i, lastTable);
      const onFreshPage = block.keepWithNext ? chainCost(input, i, undefined) : cost(input, i, undefined);
      // A chain that cannot fit even on an empty page is not worth a half-empty page.
      const fits = used + needed <= input.capacity;
      if (!fits && (onFreshPage <= input.capacity || used + cost(input, i, lastTable) > input.capacity)) newPage();
    }
    const c = cost(input, i, lastTable);
    if (cost(input, i, undefined) > input.capacity) oversize.push(i);
    page.push(i);
    used += c;
    lastTable = block.table;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return { pages, oversize };
}

/** How many rows of a given height fit under a table header in a given height (at least 0). */
export function rowsThatFit(space: number, headerHeight: number, rowHeight: number): number {
  if (rowHeight <= 0) throw new Error('a row has a height');
  return Math.max(0, Math.floor((space - headerHeight) / rowHeight));
}
