import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table } from "../../../../renderer/src/ui/Table";
import type { Column } from "../../../../renderer/src/ui/Table";

interface Item {
  readonly id: string;
  readonly name: string;
  readonly lamports: number;
}

const COLUMNS: readonly Column<Item>[] = [
  { header: "Name", cell: (i) => i.name },
  { header: "Amount", cellProps: (i) => ({ "data-lamports": i.lamports, className: "num" }), cell: (i) => i.lamports },
  { header: "Actions", hideHeader: true, cell: (i) => createElement("button", null, `Open ${i.name}`) },
];

const render = (rows: readonly Item[]): string =>
  renderToStaticMarkup(
    createElement(Table<Item>, {
      label: "Things",
      columns: COLUMNS,
      rows,
      rowKey: (i) => i.id,
      rowProps: (i) => ({ "data-testid": "thing-row", "data-id": i.id }),
    }),
  );

describe("the app's one data table", () => {
  it("is named, scopes every heading to its column, and hides an actions heading only on screen", () => {
    const html = render([]);
    expect(html).toContain('<table class="data-table" aria-label="Things">');
    expect(html).toContain('<thead><tr><th scope="col">Name</th><th scope="col">Amount</th>');
    expect(html).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th>');
    expect(html).toContain("<tbody></tbody>");
  });

  it("draws a row per item, in order, with the row's and each cell's attributes", () => {
    const html = render([
      { id: "a", name: "first", lamports: 5 },
      { id: "b", name: "second", lamports: 7 },
    ]);
    expect(html).toContain(
      '<tr data-testid="thing-row" data-id="a"><td>first</td><td data-lamports="5" class="num">5</td><td><button>Open first</button></td></tr>' +
        '<tr data-testid="thing-row" data-id="b"><td>second</td>',
    );
  });
});
