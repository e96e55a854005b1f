// The shapes the print feature lays out: a sheet (one printed document: a form for a patient,
// the census, the directory) is a list of blocks that are measured, then cut into A4 pages by
// domain/print/paginate.ts. A block is never split; a table row is a block of its table.
import type { ReactNode } from 'react';
import type { Orientation } from '../../../domain/print/columns';
import type { QrPayload } from '../../../domain/print/qr-payload';

export interface PrintTable {
  id: string;
  /** Column widths in mm (table-layout: fixed, so a row's height depends on that row alone). */
  widthsMm: number[];
  /** The header row's cells (<th>), repeated on every page the table reaches. */
  header: ReactNode;
  className?: string;
}

export interface PrintBlock {
  key: string;
  /** A block's content; for a table row, its cells (<td>). */
  node: ReactNode;
  table?: PrintTable;
  /** Never the last block of a page: a heading stays with what it introduces. */
  keepWithNext?: boolean;
  /** A blank row for handwriting: tall and empty. */
  blankRow?: boolean;
}

export interface SheetSpec {
  key: string;
  orientation: Orientation;
  /** The top of every page of the sheet: title, identity, status (the QR code is added beside it). */
  header: ReactNode;
  qr: QrPayload;
  blocks: PrintBlock[];
  /** How the options screen lists it in the kit's contents. */
  label: string;
  /** Sheets of one group are listed together (the census, a patient, the blank forms...). */
  group: string;
  /**
   * Sheets with the same key have identical blocks (a blank vitals flowsheet for each patient):
   * their blocks are measured once. Only the header (whose height may differ) is probed per sheet.
   */
  layoutKey?: string;
}

export interface PageInfo {
  /** Page within its sheet, from 1. */
  page: number;
  pages: number;
  /** Page within the whole printed document, from 1. */
  overall: number;
  overallPages: number;
}
