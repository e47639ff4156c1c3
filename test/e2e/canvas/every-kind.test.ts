// The "done when", in the browser shell with the real mouse and keyboard: one image is
// labelled with every kind, attributes are set from the keyboard, and the document the canvas
// would submit (checked by the submit contract's schema) exports to COCO, YOLO and CVAT with
// exactly those shapes in image pixels (read back by our importers). The magic wand's IoU ≥ 0.95
// on a known region is covered on the worker algorithm with a real image in
// test/unit/renderer/assist/assist-algorithms.test.ts.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Shape } from "../../../shared/annotation";
import { AnnotationDocument } from "../../../shared/annotation";
import { exportCoco, exportCvat, exportYolo, type ExportInput } from "../../../lib/requester/exporters";
import { bindDataset, filesFromExport, readDataset } from "../../../lib/requester/importers";
import { comparable } from "../../unit/lib/requester/formats/fixture";
import { launchChromium, startBrowserShell } from "../support";
import type { RunningShell } from "../support";
import { LabPage } from "./lab-page";

const SIZE = 1024;

describe("every kind, by mouse and keyboard, into COCO, YOLO and CVAT", () => {
  let shell: RunningShell;
  let browser: Browser;
  let lab: LabPage;

  beforeAll(async () => {
    [shell, browser] = await Promise.all([startBrowserShell({ lab: true }), launchChromium()]);
    lab = await LabPage.open(browser, shell, `scene=street&shapes=0&size=${SIZE}&prelabels=0&kinds=all`);
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it("labels one image with every kind, sets attributes, and the exports hold exactly those shapes", async () => {
    const page = lab.page;
    // mouse: a box (Car), then its attributes from the keyboard
    await lab.press("b");
    await lab.drag([100, 100], [300, 220]);
    await lab.press("Shift+a");
    await expect.poll(() => page.evaluate("document.activeElement?.type")).toBe("checkbox");
    await lab.press("Space"); // occluded
    await lab.press("Tab");
    await page.keyboard.type("b"); // the select's type-ahead: blue
    await lab.press("Escape"); // back to the canvas
    await expect.poll(() => page.evaluate("document.activeElement?.dataset.testid")).toBe("canvas-surface");

    await lab.press("p");
    for (const [x, y] of [
      [400, 100],
      [520, 120],
      [460, 240],
    ] as const)
      await lab.click(x, y);
    await lab.press("Enter");
    await lab.press("Shift+p");
    for (const [x, y] of [
      [100, 400],
      [200, 460],
      [300, 400],
    ] as const)
      await lab.click(x, y);
    await lab.press("Enter");
    await lab.press("k");
    await lab.press("2"); // Person: the skeleton
    for (const [x, y] of [
      [700, 100],
      [660, 160],
      [740, 160],
    ] as const)
      await lab.click(x, y);
    await lab.press("Escape");
    await lab.press("1");
    await lab.press("m");
    await lab.drag([600, 500], [700, 520]);
    await lab.press("Shift+b");
    await lab.drag([100, 600], [260, 680]);
    await lab.press("r"); // turned 1° by key
    await lab.press("o");
    await lab.drag([400, 600], [520, 700]);

    // keyboard only: loose points placed with the keyboard cursor
    await lab.press("Escape");
    await lab.press("t");
    await lab.press("Space"); // shows the cursor
    await lab.press("Space");
    for (let i = 0; i < 5; i++) await lab.press("Shift+ArrowRight");
    await lab.press("Space");
    await lab.press("Enter");

    const doc = AnnotationDocument.parse(await lab.document());
    const shapes = doc.shapes;
    expect(shapes.map((s) => s.kind).sort()).toEqual(
      ["box", "polygon", "polyline", "keypoints", "mask", "rotated-box", "ellipse", "points"].sort(),
    );
    expect(shapes.find((s) => s.kind === "box")?.attributes).toEqual({ occluded: true, colour: "blue" });
    expect(shapes.find((s) => s.kind === "rotated-box")).toMatchObject({ angle: 1 });
    expect(shapes.find((s) => s.kind === "keypoints")).toMatchObject({ label: "person", visibility: [2, 2, 2] });
    expect(shapes.find((s) => s.kind === "points")?.points).toHaveLength(4);

    const input: ExportInput = {
      title: "every kind",
      labels: doc.labels,
      images: [{ index: 0, fileName: "street.png", width: SIZE, height: SIZE, shapes, classes: doc.classes }],
    };
    const size = () => ({ fileName: "street.png", width: SIZE, height: SIZE });
    const back = (files: ReturnType<typeof exportCoco>) =>
      bindDataset(readDataset(filesFromExport(files), size), doc.labels)[0]?.shapes ?? [];
    const want = shapes.map((s) => comparable({ ...s, source: undefined } as Shape));
    expect(back(exportCoco(input)).map(comparable)).toEqual(want);
    expect(back(exportCvat(input)).map(comparable)).toEqual(want);
    // YOLO holds boxes, polygons, skeletons and rotated boxes as themselves, without attributes
    const yolo = back(exportYolo(input));
    const exact = (s: Shape) =>
      ["box", "keypoints", "rotated-box"].includes(s.kind) || (s.kind === "polygon" && s.points.length === 6);
    const strip = (s: Shape) => comparable({ ...s, attributes: undefined, source: undefined } as Shape);
    const byKind = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(yolo.filter(exact).map(strip).sort(byKind)).toEqual(shapes.filter(exact).map(strip).sort(byKind));
  });
});
