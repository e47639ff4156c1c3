import type { HTMLAttributes, ReactNode, TdHTMLAttributes } from "react";

/** The data-* attributes tests and styles read off rows and cells (data-testid, data-state, …). */
export type DataAttributes = { readonly [name: `data-${string}`]: string | number | boolean | undefined };

/** One column as data: its heading and how a row fills its cell. */
export interface Column<Row> {
  /** The column's heading, and its accessible name. Unique within a table. */
  readonly header: string;
  /** Keeps the heading for screen readers only (an actions column, whose buttons say enough on screen). */
  readonly hideHeader?: boolean;
  readonly cell: (row: Row) => ReactNode;
  /** The cell's own attributes: class, title, data-*. */
  readonly cellProps?: (row: Row) => TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;
}

export interface TableProps<Row> {
  /** The table's accessible name: what its rows are ("Submitted results"). */
  readonly label: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row, index: number) => string;
  /** The row's own attributes: data-testid and the data-* that tests read, aria-selected. */
  readonly rowProps?: (row: Row, index: number) => HTMLAttributes<HTMLTableRowElement> & DataAttributes;
}

/**
 * The app's one data table: a labelled table with column headings scoped to their columns and a
 * row per item, styled by `.data-table`. Screens describe their columns as data instead of
 * writing the scaffolding again, so every table reads the same to a screen reader.
 */
export function Table<Row>({ label, columns, rows, rowKey, rowProps }: TableProps<Row>) {
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
            {columns.map((c) => (
              <td key={c.header} {...c.cellProps?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
