/**
 * How one value reads in a data table. Numbers are formatted (thousands
 * separators, decimal places, units) only in indicator columns: a number in a
 * filter column is a year, code or identifier and is printed exactly as it is
 * ("2015", never "2,015"; "202425", never "202,425").
 */
import { SYMBOLS, type Cell } from './cell.ts';
import type { Column, CsvValue } from './downloads.ts';
import { formatNumber } from './format.ts';

export interface TableCellText {
  text: string;
  symbol?: keyof typeof SYMBOLS;
}

function isCell(v: CsvValue): v is Cell {
  return typeof v === 'object' && v !== null && 'kind' in v;
}

export function tableCellText(v: CsvValue, c: Column): TableCellText {
  if (v === null || v === undefined || v === '') return { text: '' };
  if (isCell(v)) {
    if (v.kind === 'value') return tableCellText(v.value, c);
    if (v.kind === 'blank') return { text: 'no value' };
    return { text: SYMBOLS[v.code].label, symbol: v.code };
  }
  if (typeof v === 'number') {
    if (c.type !== 'Indicator') return { text: String(v) };
    const n = formatNumber(v, c.dp ?? 0);
    return { text: c.unit === '%' ? `${n}%` : c.unit === 'pp' ? `${n} pp` : c.unit === '£' ? `£${n}` : n };
  }
  if (typeof v === 'boolean') return { text: v ? 'Yes' : 'No' };
  return { text: v };
}
