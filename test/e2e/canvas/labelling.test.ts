import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoxShape, PolygonShape, Shape } from "../../../shared/annotation";
import { artifactPath, launchChromium, startBrowserShell } from "../support";
import type { RunningShell } from "../support";
import { LabPage, expectNear } from "./lab-page";
import { blend, distance, isShadeOf, rgbOf, settledShot } from "./pixels";

const human = (shapes: Shape[]) => shapes.filter((s) => s.source?.kind === "human");

describe("labelling canvas: real mouse and keyboard, saved through the contract", () => {
  let shell: RunningShell;
  let browser: Browser;
  let lab: LabPage;

  beforeAll(async () => {
    [shell, browser] = await Promise.all([startBrowserShell({ lab: true }), launchChromium()]);
    lab = await LabPage.open(browser, shell, "scene=street&shapes=0&size=2048");
  });
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
  });

  it("draws boxes by drag and by two clicks, nudges, resizes and relabels them by key, at fit zoom", async () => {
    const vp = await lab.viewport();
    await lab.press("b");
    const drawn = await lab.drag([100, 100], [300, 250]);
    let doc = await lab.document();
    const first = human(doc.shapes)[0] as BoxShape;
    expect(first).toMatchObject({ kind: "box", label: "car" });
    expect(first.x).toBeCloseTo(drawn.from.x, 6);
    expect(first.y).toBeCloseTo(drawn.from.y, 6);
    expect(first.w).toBeCloseTo(drawn.to.x - drawn.from.x, 6);
    expect(first.h).toBeCloseTo(drawn.to.y - drawn.from.y, 6);
    expectNear(first.w, 200, vp);

    const a = await lab.click(1400, 200);
    const b = await lab.click(1700, 500);
    await lab.press("ArrowRight");
    await lab.press("ArrowRight");
    await lab.press("Shift+ArrowDown");
    await lab.press("Alt+ArrowRight");
    await lab.press("2");
    doc = await lab.document();
    const second = human(doc.shapes)[1] as BoxShape;
    expect(second.label).toBe("person");
    expect(second.x).toBeCloseTo(a.x + 2, 6);
    expect(second.y).toBeCloseTo(a.y + 10, 6);
    expect(second.w).toBeCloseTo(b.x - a.x + 1, 6);
    expect(second.h).toBeCloseTo(b.y - a.y, 6);

    // a stray click-release is the first of two clicks; Escape drops it; a 2 px drag is discarded
    await lab.press("Escape");
    await lab.drag([1000, 1500], [1001, 1501]);
    expect(human((await lab.document()).shapes)).toHaveLength(2);
  });

  it("draws a polygon zoomed in, edits its vertices with drag, Alt-drag on an edge and Ctrl-click", async () => {
    await lab.press("Escape"); // nothing selected: the digit only picks the label
    await lab.press("4");
    // three steps of 1.25 from the fit zoom (the app's chrome decides the fit, so two were not always enough)
    await lab.press("Equal");
    await lab.press("Equal");
    await lab.press("Equal");
    const vp = await lab.viewport();
    expect(vp.scale).toBeGreaterThan(0.5);
    await lab.press("p");
    const v: Array<{ x: number; y: number }> = [];
    for (const [x, y] of [
      [700, 700],
      [1000, 640],
      [1040, 960],
      [720, 1000],
    ] as const)
      v.push(await lab.click(x, y));
    await lab.click(701, 701); // on the first vertex: closes
    let polygon = human((await lab.document()).shapes).find((s): s is PolygonShape => s.kind === "polygon");
    expect(polygon?.points).toHaveLength(8);
    polygon?.points.forEach((value, i) => expect(value).toBeCloseTo(i % 2 === 0 ? v[i >> 1]!.x : v[i >> 1]!.y, 6));

    const moved = await lab.drag([1040, 960], [1100, 1020]); // drag vertex 2
    const roof = await lab.drag([850, 670], [850, 560], ["Alt"]); // insert on edge 0→1 and pull it up
    await lab.click(720, 1000, ["Control"]); // delete vertex 3
    polygon = human((await lab.document()).shapes).find((s): s is PolygonShape => s.kind === "polygon");
    const expected = [v[0]!, roof.to, v[1]!, moved.to].flatMap((p) => [p.x, p.y]);
    expect(polygon!.points).toHaveLength(expected.length);
    polygon!.points.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 6));
    expectNear(polygon!.points[3]!, 560, vp);
    expect(polygon!.label).toBe("building");
    expect(
      human((await lab.document()).shapes)
        .filter((s) => s.kind === "box")
        .map((s) => s.label),
    ).toEqual(["car", "person"]);
  });

  it("classifies, undoes and redoes, hides, zooms with the wheel at the pointer by bounded steps and pans with Space and the middle button", async () => {
    await lab.press("Shift+Digit1");
    await lab.press("Shift+Digit3");
    expect((await lab.document()).classes).toEqual(["day", "rain"]);
    await lab.press("Control+z");
    expect((await lab.document()).classes).toEqual(["day"]);
    await lab.press("Control+Shift+z");
    expect((await lab.document()).classes).toEqual(["day", "rain"]);
    await lab.press("Control+z");
    await lab.press("Control+y");
    expect((await lab.document()).classes).toEqual(["day", "rain"]);

    // undo both classes and the vertex delete, then redo them: back and forth exactly
    const before = (await lab.document()).shapes;
    await lab.press("Control+z");
    await lab.press("Control+z");
    await lab.press("Control+z");
    const polygon = () =>
      lab.document().then((d) => human(d.shapes).find((s): s is PolygonShape => s.kind === "polygon")!);
    expect((await polygon()).points).toHaveLength(10); // the deleted vertex is back
    expect((await lab.document()).classes).toEqual([]);
    await lab.press("Control+Shift+z");
    await lab.press("Control+Shift+z");
    await lab.press("Control+Shift+z");
    expect((await lab.document()).shapes).toEqual(before);

    await lab.press("h");
    expect((await polygon()).hidden).toBe(true);
    expect(await lab.page.getByRole("option", { name: /, hidden, at / }).count()).toBe(1);

    const vp = await lab.viewport();
    const anchor = await lab.at(1000, 1000);
    await lab.page.mouse.move(anchor.page.x, anchor.page.y);
    // the plain wheel zooms at the pointer, one notch by 1.1–1.25× as in Label Studio and CVAT
    await lab.page.mouse.wheel(0, -100);
    await expect.poll(() => lab.viewport().then((v) => v.scale)).toBeGreaterThan(vp.scale * 1.1);
    const notch = await lab.viewport();
    expect(notch.scale).toBeLessThanOrEqual(vp.scale * 1.25);
    // a fast Ctrl+wheel (a trackpad pinch) is one bounded step too, not 293 % → 720 % in two
    await lab.page.keyboard.down("Control");
    await lab.page.mouse.wheel(0, -300);
    await lab.page.keyboard.up("Control");
    await expect.poll(() => lab.viewport().then((v) => v.scale)).toBeGreaterThan(notch.scale * 1.1);
    const zoomed = await lab.viewport();
    expect(zoomed.scale).toBeLessThanOrEqual(notch.scale * 1.25);
    // the image point under the pointer stays under the pointer
    expect(Math.abs(anchor.image.x * zoomed.scale + zoomed.x - (anchor.image.x * vp.scale + vp.x))).toBeLessThan(1);

    await lab.page.keyboard.down("Space");
    await lab.page.mouse.down();
    await lab.page.mouse.move(anchor.page.x + 120, anchor.page.y + 40, { steps: 4 });
    await lab.page.mouse.up();
    await lab.page.keyboard.up("Space");
    const panned = await lab.viewport();
    expect(panned.x - zoomed.x).toBeCloseTo(120, 6);
    expect(panned.y - zoomed.y).toBeCloseTo(40, 6);
    await lab.page.mouse.move(anchor.page.x, anchor.page.y);
    await lab.page.mouse.down({ button: "middle" });
    await lab.page.mouse.move(anchor.page.x - 50, anchor.page.y, { steps: 3 });
    await lab.page.mouse.up({ button: "middle" });
    expect((await lab.viewport()).x - panned.x).toBeCloseTo(-50, 6);
    expect(human((await lab.document()).shapes)).toHaveLength(3); // panning drew nothing
    await lab.press("0");

    // brightness and contrast adjust only the image layer's canvas; C toggles the crosshair
    const imageFilter = () =>
      lab.page.evaluate("document.querySelector('[data-testid=canvas-surface] canvas').style.filter");
    await lab.press("BracketRight");
    await lab.press("Shift+BracketRight");
    expect(await imageFilter()).toBe("brightness(1.1) contrast(1.1)");
    await lab.press("Shift+Digit0");
    expect(await imageFilter()).toBe("");
    const crosshair = lab.page.getByRole("button", { name: "Crosshair" });
    expect(await crosshair.getAttribute("aria-pressed")).toBe("true");
    await lab.press("c");
    expect(await crosshair.getAttribute("aria-pressed")).toBe("false");
    await lab.press("c");
  });

  it("saves through drafts:save and a reload restores the same document, timer included", async () => {
    await lab.press("h"); // the polygon, still selected, is shown again
    expect(human((await lab.document()).shapes).every((s) => !s.hidden)).toBe(true);
    await lab.save();
    const saved = await lab.document();
    const timer = await lab.page.getByTestId("task-timer").textContent();
    await lab.page.mouse.move(10, 10);
    await lab.page.screenshot({ path: artifactPath("canvas.png") });
    await lab.reload();
    const restored = await lab.document();
    expect(restored.shapes).toEqual(saved.shapes);
    expect(restored.classes).toEqual(saved.classes);
    expect(restored.labels).toEqual(saved.labels);
    expect(await lab.page.getByText("draft restored").count()).toBe(1);
    expect(await lab.page.getByTestId("task-timer").textContent()).not.toBe("00:00");
    expect(timer).toMatch(/^\d\d:\d\d$/);
    expect(lab.errors).toEqual([]);
  });

  it("marks model guesses, flags them edited when touched, and reads the shape list as a listbox", async () => {
    const harbour = await LabPage.open(browser, shell, "scene=harbour&shapes=40&size=2048");
    const list = harbour.page.getByRole("listbox", { name: /Shapes, \d+ in total/ });
    const total = Number((await list.getAttribute("aria-label"))?.match(/(\d+) in total/)?.[1]);
    const doc = await harbour.document();
    expect(total).toBe(doc.shapes.length);
    const guesses = doc.shapes.filter((s) => s.source?.kind === "model");
    expect(guesses.length).toBeGreaterThan(2);
    // virtualised: far fewer rows in the DOM than shapes, each with its position in the set
    const rows = list.getByRole("option");
    expect(await rows.count()).toBeLessThan(total);
    expect(await rows.first().getAttribute("aria-setsize")).toBe(String(total));
    // the row's name is its own text (the icon aside): position, kind, label, where, flags
    expect(
      await list.getByRole("option", { name: /^1\. Box, \w+, model guess, at \d+, \d+, \d+ by \d+ pixels$/ }).count(),
    ).toBe(1);

    // "." on the canvas selects the first shape (a guess); a nudge makes it an edited guess
    await harbour.press(".");
    expect(await harbour.selection()).toEqual([guesses[0]!.id]);
    await harbour.press("ArrowLeft");
    const edited = (await harbour.document()).shapes.find((s) => s.id === guesses[0]!.id) as BoxShape;
    expect(edited.source).toMatchObject({ kind: "model", edited: true });
    expect(edited.x).toBe((guesses[0] as BoxShape).x - 1);
    expect(
      await list
        .getByRole("option", { name: /^1\. Box, \w+, edited model guess, at \d+, \d+, \d+ by \d+ pixels$/ })
        .count(),
    ).toBe(1);

    // F6 moves focus to the list; arrows walk and select; focus is visible there
    await harbour.press("F6");
    expect(await harbour.page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe("shape-list");
    await harbour.press("ArrowDown");
    expect(await harbour.selection()).toEqual([doc.shapes[1]!.id]);
    expect(await rows.nth(1).getAttribute("aria-selected")).toBe("true");
    await harbour.press("l"); // shortcuts still act from the list
    expect((await harbour.document()).shapes[1]!.locked).toBe(true);
    await harbour.page.close();
  });

  it("rebinds a shortcut in the overlay, persists it in settings, and copies the previous task's shapes", async () => {
    const page = lab.page;
    await lab.press("Shift+Slash");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Change the shortcut for Box tool" }).click();
    await page.keyboard.press("q"); // a free key: R rotates shapes
    await expect.poll(() => dialog.getByRole("status").textContent()).toContain("“Box tool” is now Q");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await lab.press("v");
    await lab.press("q");
    const boxButton = page
      .getByRole("toolbar", { name: "Canvas tools" })
      .getByRole("button", { name: "Box", exact: true });
    await expect.poll(() => boxButton.getAttribute("aria-pressed")).toBe("true");

    // next task (D) saves this one; the harbour scene then copies street's shapes (Ctrl+Shift+V)
    const street = await lab.document();
    await lab.press("d");
    await expect.poll(() => page.evaluate("window.amplifyLab?.taskId")).toBe("lab:harbour");
    await lab.ready();
    const harbourBefore = (await lab.document()).shapes.length;
    const saves = () => page.getByTestId("save-state").getAttribute("data-saves").then(Number);
    const savesBefore = await saves();
    await lab.press("Control+Shift+v");
    const copied = (await lab.document()).shapes.slice(harbourBefore);
    expect(copied.map((s) => s.label)).toEqual(street.shapes.map((s) => s.label));
    expect(copied.every((s) => s.source?.kind === "human")).toBe(true);
    // no Ctrl+S: the autosave (every 5 s when changed) writes it through drafts:save
    await expect.poll(saves, { timeout: 9_000, interval: 250 }).toBeGreaterThan(savesBefore);
    const autosaved = await lab.document();

    await lab.reload();
    expect((await lab.document()).shapes).toEqual(autosaved.shapes);
    await lab.press("b"); // no longer bound: the rebinding survived the reload through settings
    await lab.press("v");
    await lab.press("q");
    expect(await boxButton.getAttribute("aria-pressed")).toBe("true");
  });

  it("paints a drawn box: its label's colour on the outline, a light tint inside, the image around it; nothing once deleted", async () => {
    // Pixels, not editor state: a screenshot before, with and after the box, compared point by point.
    // a scene no other test here saves a draft for
    const fresh = await LabPage.open(browser, shell, "scene=orchard&shapes=0&size=2048");
    const page = fresh.page;
    const car = rgbOf("#ff6b6b"); // the lab's "car", the box tool's first label
    const away = () => page.mouse.move(1, 1); // off the canvas: no crosshair or hover in the shot
    await away();
    const before = human((await fresh.document()).shapes).length;
    const blank = await settledShot(page);
    await fresh.press("b");
    // in the sky, above every object and model guess of the scene
    const drawn = await fresh.drag([300, 80], [900, 260]);
    await fresh.press("Escape"); // deselected: no handles, the plain fill
    await away();
    expect(human((await fresh.document()).shapes)).toHaveLength(before + 1);
    const painted = await settledShot(page);

    const p0 = await fresh.pagePoint(drawn.from.x, drawn.from.y);
    const p1 = await fresh.pagePoint(drawn.to.x, drawn.to.y);
    const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
    // Across the bottom and right edges (the label tag sits at the top left), 3 px either side.
    const across = [0.25, 0.5, 0.75].flatMap((t) => [
      Array.from({ length: 7 }, (_, i) => ({ x: lerp(p0.x, p1.x, t), y: Math.round(p1.y) - 3 + i })),
      Array.from({ length: 7 }, (_, i) => ({ x: Math.round(p1.x) - 3 + i, y: lerp(p0.y, p1.y, t) })),
    ]);
    const inside = [
      [0.5, 0.5],
      [0.3, 0.6],
      [0.7, 0.35],
    ].map(([tx, ty]) => ({ x: lerp(p0.x, p1.x, tx!), y: lerp(p0.y, p1.y, ty!) }));
    const outside = [
      { x: lerp(p0.x, p1.x, 0.5), y: p1.y + 12 },
      { x: p1.x + 12, y: lerp(p0.y, p1.y, 0.5) },
      { x: p0.x - 12, y: lerp(p0.y, p1.y, 0.75) },
    ];
    for (const scan of across) {
      const stroke = scan.find((q) => isShadeOf(painted.at(q.x, q.y), car));
      expect(stroke, `the car colour across the edge at ${JSON.stringify(scan[3])}`).toBeDefined();
      expect(distance(painted.at(stroke!.x, stroke!.y), blank.at(stroke!.x, stroke!.y))).toBeGreaterThan(30);
    }
    const FILL_ALPHA = 0x2e / 255; // region-style.ts: the image under a shape stays readable
    for (const q of inside) {
      expect(isShadeOf(painted.at(q.x, q.y), car), `no stroke inside at ${JSON.stringify(q)}`).toBe(false);
      expect(distance(painted.at(q.x, q.y), blend(blank.at(q.x, q.y), car, FILL_ALPHA))).toBeLessThanOrEqual(4);
    }
    for (const q of outside) expect(distance(painted.at(q.x, q.y), blank.at(q.x, q.y))).toBeLessThanOrEqual(2);

    await fresh.press("v");
    await fresh.click(lerp(drawn.from.x, drawn.to.x, 0.5), lerp(drawn.from.y, drawn.to.y, 0.5));
    expect(await fresh.selection()).toHaveLength(1);
    await fresh.press("Delete");
    await fresh.press("Escape");
    await away();
    expect(human((await fresh.document()).shapes)).toHaveLength(before);
    const erased = await settledShot(page);
    for (const q of [...across.flat(), ...inside, ...outside])
      expect(distance(erased.at(q.x, q.y), blank.at(q.x, q.y)), `erased at ${JSON.stringify(q)}`).toBeLessThanOrEqual(
        2,
      );
    expect(fresh.errors).toEqual([]);
    await page.close();
  });

  it("redraws nothing while idle at 20,000 boxes, keeps the view covered after an off-centre zoom-out, and pans far with no snapshot render in a frame", async () => {
    const dense = await LabPage.open(browser, shell, "scene=harbour&shapes=20000&size=4096");
    const page = dense.page;
    await page.mouse.move(1, 1); // off the canvas: no crosshair to follow
    await page.waitForTimeout(300); // the first frames after opening settle
    // Every Konva layer draw clears its canvas first: count clears while nothing happens.
    await page.evaluate(
      "(() => { window.__clears = 0; const clear = CanvasRenderingContext2D.prototype.clearRect; CanvasRenderingContext2D.prototype.clearRect = function (...a) { window.__clears++; return clear.apply(this, a); }; })()",
    );
    const before = await page.getByTestId("task-timer").textContent();
    await page.waitForTimeout(2_500); // the task timer ticks at least twice
    expect(await page.getByTestId("task-timer").textContent()).not.toBe(before); // it did tick
    expect(await page.evaluate("window.__clears")).toBe(0);

    // Zoom in and let it settle (crisp snapshot), then one big zoom-out at the top-left corner.
    await page.evaluate("window.amplifyLab.editor.zoomBy(4)");
    await page.waitForTimeout(400);
    await page.evaluate("window.amplifyLab.editor.zoomBy(0.5, { x: 4, y: 4 })");
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    const blit = (await page.evaluate("window.amplifyLab.painter.lastBlit")) as {
      x: number;
      y: number;
      width: number;
      height: number;
    };
    const view = (await page.evaluate("({ ...window.amplifyLab.editor.viewSize })")) as {
      width: number;
      height: number;
    };
    expect(blit.x).toBeLessThanOrEqual(0.5);
    expect(blit.y).toBeLessThanOrEqual(0.5);
    expect(blit.x + blit.width).toBeGreaterThanOrEqual(view.width - 0.5);
    expect(blit.y + blit.height).toBeGreaterThanOrEqual(view.height - 0.5);

    // Panning far at 20,000 boxes: the next snapshot is rendered by the worker while the view
    // still has margin, and swapped in; no frame renders one on the UI thread. At 80 % the
    // image is wider than the pan, so the view ends full of shapes.
    await page.evaluate("window.amplifyLab.editor.setViewport({ scale: 0.8, x: 0, y: 0 })");
    await page.waitForTimeout(400); // the zoom settles (its one crisp re-render)
    const painter = (what: string) => page.evaluate(`window.amplifyLab.painter.${what}`) as Promise<number>;
    const [inlineBefore, swappedBefore, uncoveredBefore] = [
      await painter("inlineRenders"),
      await painter("prerendered"),
      await painter("uncoveredFrames"),
    ];
    for (let step = 0; step < 30; step++) {
      expect(await page.evaluate("window.amplifyLab.painter.workerError")).toBeNull();
      await page.evaluate("window.amplifyLab.editor.panBy(-40, -10)");
      await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
      // a pan no faster than the worker (its speed is the bench's business, not this test's)
      await expect.poll(() => page.evaluate("window.amplifyLab.painter.prerendering"), { timeout: 20_000 }).toBe(false);
    }
    expect(await painter("inlineRenders")).toBe(inlineBefore);
    expect(await painter("prerendered")).toBeGreaterThanOrEqual(swappedBefore + 2);
    // Whether the worker scrolled its last snapshot or drew a whole one is not asserted: on the 2-core
    // CI run (session 6) every request came off the previous snapshot's pixel grid and all were whole
    // renders. Either way nothing rendered in a frame, and the coverage checks below hold for both.
    expect(await painter("uncoveredFrames")).toBe(uncoveredBefore);
    expect(await page.evaluate("window.amplifyLab.painter.fromWorker")).toBe(true);
    const after = (await page.evaluate("window.amplifyLab.painter.lastBlit")) as typeof blit;
    expect(after.x).toBeLessThanOrEqual(0.5);
    expect(after.y).toBeLessThanOrEqual(0.5);
    expect(after.x + after.width).toBeGreaterThanOrEqual(view.width - 0.5);
    expect(after.y + after.height).toBeGreaterThanOrEqual(view.height - 0.5);
    // The worker's pixels are on screen: every 80 px cell of the view that holds a shape (the
    // R-tree says so) shows drawn pixels on the settled layer.
    const cells = (await page.evaluate(`(() => {
      const layer = document.querySelectorAll(".konvajs-content canvas")[1];
      const ratio = layer.width / layer.clientWidth;
      const data = layer.getContext("2d").getImageData(0, 0, layer.width, layer.height).data;
      const editor = window.amplifyLab.editor;
      const { viewport: vp, viewSize: size } = editor;
      const cells = { withShapes: 0, empty: [] };
      for (let cy = 0; cy + 80 <= size.height; cy += 80)
        for (let cx = 0; cx + 80 <= size.width; cx += 80) {
          const area = { x: (cx - vp.x) / vp.scale, y: (cy - vp.y) / vp.scale, w: 80 / vp.scale, h: 80 / vp.scale };
          if (editor.shapesIn(area).length === 0) continue;
          cells.withShapes++;
          let painted = false;
          for (let y = cy; y < cy + 80 && !painted; y += 2)
            for (let x = cx; x < cx + 80 && !painted; x += 2)
              painted = data[(Math.round(y * ratio) * layer.width + Math.round(x * ratio)) * 4 + 3] > 0;
          if (!painted) cells.empty.push([cx, cy]);
        }
      return cells;
    })()`)) as { withShapes: number; empty: number[][] };
    expect(cells.withShapes).toBeGreaterThan(20);
    expect(cells.empty).toEqual([]);
    // The worker moved its last snapshot's pixels over and drew only the uncovered strips: the
    // result is the picture one render of the whole snapshot gives, here, in a frame. Edges drawn
    // in a strip are anti-aliased a few levels apart from the whole render's (measured: 1,942 of
    // 763,880 pixels more than 32 levels apart, 36 more than 128); a strip left undrawn or
    // misplaced changes thousands of pixels by the full opacity of the black halos.
    const layerPixels = `(() => { const c = document.querySelectorAll(".konvajs-content canvas")[1]; return c.getContext("2d").getImageData(0, 0, c.width, c.height).data; })()`;
    await page.evaluate(`window.__scrolled = ${layerPixels}`);
    await page.evaluate(
      "window.amplifyLab.painter.invalidate(); window.amplifyLab.editor.setViewport({ ...window.amplifyLab.editor.viewport })",
    );
    await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
    expect(await painter("inlineRenders")).toBe(inlineBefore + 1);
    const apart = (await page.evaluate(`(() => {
      const whole = ${layerPixels}, scrolled = window.__scrolled;
      let far = 0;
      for (let i = 0; i < whole.length; i += 4)
        for (let c = 0; c < 4; c++) if (Math.abs(whole[i + c] - scrolled[i + c]) > 128) { far++; break; }
      return { far, pixels: whole.length / 4 };
    })()`)) as { far: number; pixels: number };
    expect(apart.far).toBeLessThan(apart.pixels / 2_000);
    await page.close();
  });
});
