import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DASH } from './cells';
import { toCsv } from './csv';
import { saveFile } from './download';
import { ariaSort, nextSort, sortRows, type SortState, type SortValue } from './sort';

// A report table sortable by every column: a click on a header sorts by it (largest first for
// figures), a second click reverses; the header says how with aria-sort. Its CSV is either the
// hall server's (the bilingual file the API gives) or the table as shown.

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => SortValue;
  /** The cell's text; by default the value, or a dash when there is none. Only figures are
   * formatted, so a column with one is a figure column (right-aligned, largest first). */
  text?: (row: T) => string;
  /** A figure to mark: short of the goal. */
  tone?: (row: T) => 'bad' | undefined;
}

/** A figure column: its value, written by `format` (minutes, a percentage, …). */
export function figureColumn<T, V extends number | null>(
  key: string,
  label: string,
  value: (row: T) => V,
  format: (value: V) => string,
  tone?: (row: T) => 'bad' | undefined,
): Column<T> {
  return { key, label, value, text: (row) => format(value(row)), ...(tone && { tone }) };
}

export type CsvSource = { server: () => void } | { filename: string };

export function SortableTable<T>({
  testId,
  caption,
  columns,
  rows,
  rowKey,
  initialSort = null,
  csv,
  csvDisabled,
}: {
  testId: string;
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort?: SortState | null;
  csv?: CsvSource;
  csvDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState | null>(initialSort);
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    return column ? sortRows(rows, column.value, sort.dir) : rows;
  }, [rows, columns, sort]);
  const text = (c: Column<T>, row: T) => {
    if (c.text) return c.text(row);
    const v = c.value(row);
    return v === null ? DASH : String(v);
  };
  const numericKeys = useMemo(
    () =>
      new Set(
        columns
          .filter((c) => c.text || rows.some((r) => typeof c.value(r) === 'number'))
          .map((c) => c.key),
      ),
    [columns, rows],
  );
  const numeric = (c: Column<T>) => numericKeys.has(c.key);

  const downloadCsv = () => {
    if (!csv) return;
    if ('server' in csv) {
      csv.server();
      return;
    }
    const body = toCsv(
      columns.map((c) => c.label),
      sorted.map((row) => columns.map((c) => text(c, row))),
    );
    saveFile(new Blob([body], { type: 'text/csv;charset=utf-8' }), csv.filename);
  };

  return (
    <div className="report-table" data-testid={testId}>
      <div className="table-head">
        <h4>{caption}</h4>
        {csv && (
          <button
            type="button"
            className="small"
            data-testid={`${testId}-csv`}
            disabled={csvDisabled}
            onClick={downloadCsv}
          >
            {t('reports.export.csv')}
          </button>
        )}
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={ariaSort(sort, c.key)}
                  data-column={c.key}
                  className={numeric(c) ? 'num' : undefined}
                >
                  <button type="button" onClick={() => setSort(nextSort(sort, c.key, numeric(c)))}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sort?.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="muted empty">
                  {t('reports.noRows')}
                </td>
              </tr>
            ) : (
              sorted.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((c) => (
                    <td
                      key={c.key}
                      className={
                        [numeric(c) && 'num', c.tone?.(row)].filter(Boolean).join(' ') || undefined
                      }
                    >
                      {text(c, row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
