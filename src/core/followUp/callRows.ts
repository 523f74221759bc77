/**
 * Call rows and breakdown tables read as named columns, whatever shape they came in (raw data, logs, raw documents,
 * nested Terms tables), plus where their code, count and time are.
 */
import { findFieldName } from '../roles/fieldNames';
import { CellFrame, cellTimeMs, flatColumns, readCellFrame } from '../roles/frameCells';
import { isStatusLikeName, mostlyCodes } from '../roles/queryKinds';

export interface ColumnTable {
  /** '' when the frame names no query. */
  refId: string;
  names: string[];
  columns: Map<string, ArrayLike<unknown>>;
  types: Map<string, string>;
  rows: number;
  /** Row limit the frame reports (logs: meta.custom.limit). */
  limit?: number;
  /** Documents the query matched (logs: meta.custom.total). */
  matched?: number;
}

export function readTables(frames: readonly unknown[] | undefined): ColumnTable[] {
  const tables: ColumnTable[] = [];
  for (const frame of Array.isArray(frames) ? frames : []) {
    const cells: CellFrame | undefined = readCellFrame(frame);
    if (!cells) {
      continue;
    }
    const columns = new Map<string, ArrayLike<unknown>>();
    const types = new Map<string, string>();
    for (const column of flatColumns(cells)) {
      if (column.name !== '' && !columns.has(column.name)) {
        columns.set(column.name, column.values);
        types.set(column.name, column.type);
      }
    }
    const rows = [...columns.values()].reduce((longest, values) => Math.max(longest, values.length), 0);
    tables.push({
      refId: cells.refId ?? '',
      names: [...columns.keys()],
      columns,
      types,
      rows,
      limit: cells.limit,
      matched: cells.matched,
    });
  }
  return tables;
}

/** The code column: the configured code field, else a column named like one that holds codes, else any that does. */
export function codeColumnOf(table: ColumnTable, codeField: string | undefined): string | undefined {
  if (codeField) {
    const configured = findFieldName(table.names, codeField);
    if (configured !== undefined) {
      return configured;
    }
  }
  const holdsCodes = (name: string) => table.types.get(name) !== 'time' && mostlyCodes(table.columns.get(name) ?? []);
  return table.names.find((name) => isStatusLikeName(name) && holdsCodes(name)) ?? table.names.find(holdsCodes);
}

const TIME_NAMES = ['@timestamp', 'timestamp', 'time', 'date'];

/** The time column: the first typed time, else one named like a timestamp. */
export function timeColumnOf(table: ColumnTable): string | undefined {
  const typed = table.names.find((name) => table.types.get(name) === 'time');
  if (typed !== undefined) {
    return typed;
  }
  for (const wanted of TIME_NAMES) {
    const found = findFieldName(table.names, wanted);
    if (found !== undefined && Number.isFinite(cellTimeMs(firstFilled(table.columns.get(found))))) {
      return found;
    }
  }
  return undefined;
}

function firstFilled(values: ArrayLike<unknown> | undefined): unknown {
  for (let i = 0; values && i < values.length; i++) {
    if (values[i] != null) {
      return values[i];
    }
  }
  return undefined;
}

/** The Count column of a breakdown table (Elasticsearch names it exactly "Count"). */
export function countColumnOf(table: ColumnTable): string | undefined {
  return table.names.find((name) => name === 'Count') ?? table.names.find((name) => name.toLowerCase() === 'count');
}

/** Whether a raw query's rows reached its size limit, or it says it matched more. */
export function hitRowLimit(table: ColumnTable, rowLimits: Record<string, number> | undefined): boolean {
  const limit = rowLimits?.[table.refId] ?? table.limit;
  return (limit !== undefined && table.rows >= limit) || (table.matched !== undefined && table.matched > table.rows);
}
