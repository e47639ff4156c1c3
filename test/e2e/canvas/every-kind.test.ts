// The "done when", end to end: a requester posts a campaign that allows every kind (the
// CLI's library, real localnet); a worker opens its one image in the app (browser shell, real
// Chromium), draws every kind once by mouse and once by keyboard alone, sets attributes from
// the attributes panel by mouse and by keys, and submits through the app (tasks:submit → outbox
// → chain). Then the requester runs `amplify export` (the CLI's command, in-process) in COCO,
// YOLO and CVAT, and each export, read back by our importers, holds exactly the shapes drawn,
// in image pixels. The magic wand's IoU ≥ 0.95 on a known region is covered on the worker
// algorithm with a real image in test/unit/renderer/assist/assist-algorithms.test.ts.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/src/cli";
import { createCampaign, type CreatedCampaign } from "../../../lib/requester";
import { bindDataset, filesFromDisk, readDataset } from "../../../lib/requester/importers";
import { generateScene } from "../../../localnet/demo/sceneGenerator";
import type { AnnotationDocument, Shape } from "../../../shared/annotation";
import { SHAPE_KINDS } from "../../../shared/annotation";
import { comparable } from "../../unit/lib/requester/formats/fixture";
import { launchChromium, startBrowserShell } from "../support";
import type { RunningShell } from "../support";
import { startMarket, type Market } from "../journeys/support/market";
import { goTo, onboardNewWorker } from "../journeys/support/worker-ui";
import { LabPage, type Viewport } from "./lab-page";

const WIDTH = 640;
const HEIGHT = 480;
const LABELS = {
  title: "Every kind",
  instructions: "Draw every kind once by mouse and once by keyboard.",
  tool: SHAPE_KINDS.join("+"),
  labels: [
    {
      name: "car",
      attributes: [
        { id: "occluded", name: "occluded", type: "checkbox" },
        { id: "colour", name: "colour", type: "select", options: ["red", "blue"] },
      ],
    },
    {
      name: "person",
      skeleton: {
        joints: ["head", "left hand", "right hand"],
        edges: [
          [0, 1],
          [0, 2],
        ],
      },
    },
  ],
};

type P = { x: number; y: number };
/** What a shape must be in the exports, from where the mouse or the keyboard cursor put it. */
type Expected = { kind: Shape["kind"]; by: "mouse" | "keyboard"; check: (s: Shape, vp: Viewport) => void };

describe("every kind, by mouse and keyboard, submitted on chain and exported by the requester", () => {
  let market: Market;
  let shell: RunningShell;
  let browser: Browser;
  let page: Page;
  let created: CreatedCampaign;

  beforeAll(async () => {
    market = await startMarket();
    const dir = path.join(market.home, "every-kind");
    fs.mkdirSync(path.join(dir, "images"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "images", "street.png"),
      generateScene(7, { width: WIDTH, height: HEIGHT, maxObjects: 1 }).png,
    );
    fs.writeFileSync(path.join(dir, "labels.json"), JSON.stringify(LABELS));
    created = await createCampaign({
      chain: market.chain,
      keys: market.requester,
      stateDir: path.join(market.home, "state"),
      imagesDir: path.join(dir, "images"),
      labelsFile: path.join(dir, "labels.json"),
      priceLamports: 2_000_000n,
      minRating: 0,
      maxShareBps: 10_000,
      replication: 1,
      isPrivate: false,
      deadlineSeconds: 86_400,
    });
    [shell, browser] = await Promise.all([startBrowserShell({ lab: true, env: market.appEnv }), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await shell?.stop();
    await market?.close();
  });

  it(
    "draws every kind both ways, sets attributes, submits, and COCO, YOLO and CVAT hold exactly those shapes",
    {
      timeout: 180_000,
    },
    async () => {
      await page.goto(shell.url);
      await onboardNewWorker(page, "every kind passphrase");
      const row = page.locator(`[data-testid=campaign-row][data-campaign="${created.campaign}"]`);
      await row.getByRole("button", { name: "Accept" }).click();
      await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "Start labelling" }).click();
      await page.getByTestId("canvas-surface").waitFor({ timeout: 30_000 });
      await page.getByTestId("instructions-panel").waitFor({ timeout: 10_000 });
      const lab = await LabPage.attach(page);
      await page.getByTestId("canvas-surface").focus();
      const expected: Expected[] = [];
      const near = (a: P, b: P, vp: Viewport) => {
        expect(Math.abs(a.x - b.x), `x ${a.x} vs ${b.x}`).toBeLessThanOrEqual(1 / vp.scale + 1e-6);
        expect(Math.abs(a.y - b.y), `y ${a.y} vs ${b.y}`).toBeLessThanOrEqual(1 / vp.scale + 1e-6);
      };
      const pairs = (points: readonly number[]) =>
        points.flatMap((v, i) => (i % 2 ? [] : [{ x: v, y: points[i + 1]! }]));
      const pathOf = (kind: "polygon" | "polyline" | "points", by: Expected["by"], want: P[]): Expected => ({
        kind,
        by,
        check: (s, vp) => {
          const got = pairs((s as Extract<Shape, { kind: typeof kind }>).points);
          expect(got).toHaveLength(want.length);
          got.forEach((p, i) => near(p, want[i]!, vp));
        },
      });
      /** Corner drags: box, rotated box and ellipse are framed by the two corners. */
      const framed = (kind: "box" | "rotated-box" | "ellipse", by: Expected["by"], a: P, b: P, more: object) => ({
        kind,
        by,
        check: (s: Shape, vp: Viewport) => {
          const frame =
            s.kind === "box"
              ? { x: s.x, y: s.y, x2: s.x + s.w, y2: s.y + s.h }
              : s.kind === "rotated-box"
                ? { x: s.cx - s.w / 2, y: s.cy - s.h / 2, x2: s.cx + s.w / 2, y2: s.cy + s.h / 2 }
                : s.kind === "ellipse"
                  ? { x: s.cx - s.rx, y: s.cy - s.ry, x2: s.cx + s.rx, y2: s.cy + s.ry }
                  : null;
          near({ x: frame!.x, y: frame!.y }, a, vp);
          near({ x: frame!.x2, y: frame!.y2 }, b, vp);
          expect(s).toMatchObject(more);
        },
      });
      /** A brush stroke's mask covers its path widened by the brush radius (12 px), to the pixel. */
      const brushed = (by: Expected["by"], a: P, b: P): Expected => ({
        kind: "mask",
        by,
        check: (s) => {
          const m = s as Extract<Shape, { kind: "mask" }>;
          const r = 12;
          for (const [got, want] of [
            [m.x, Math.min(a.x, b.x) - r],
            [m.y, Math.min(a.y, b.y) - r],
            [m.x + m.w, Math.max(a.x, b.x) + r],
            [m.y + m.h, Math.max(a.y, b.y) + r],
          ] as const)
            expect(Math.abs(got - want)).toBeLessThanOrEqual(1.5);
        },
      });

      // ── by mouse (label car unless the kind needs the skeleton's label) ──
      await lab.press("b");
      const box = await lab.drag([30, 30], [130, 90]);
      expected.push(framed("box", "mouse", box.from, box.to, { attributes: { occluded: true, colour: "blue" } }));
      // attributes by mouse in the panel for the selected box
      await page.getByRole("checkbox", { name: "occluded" }).click();
      await page.getByRole("combobox", { name: "colour" }).selectOption("blue");
      await page.getByTestId("canvas-surface").focus();
      await lab.press("p");
      const polygon = [await lab.click(160, 30), await lab.click(250, 40), await lab.click(210, 100)];
      await lab.press("Enter");
      expected.push(pathOf("polygon", "mouse", polygon));
      await lab.press("Shift+p");
      const polyline = [await lab.click(280, 30), await lab.click(330, 70), await lab.click(380, 30)];
      await lab.press("Enter");
      expected.push(pathOf("polyline", "mouse", polyline));
      await lab.press("t");
      const points = [await lab.click(420, 30), await lab.click(450, 60)];
      await lab.press("Enter");
      expected.push(pathOf("points", "mouse", points));
      // the skeleton tool takes the label with the skeleton; Alt+click places a joint occluded
      await lab.press("k");
      const joints = [await lab.click(540, 30), await lab.click(510, 90), await lab.click(570, 90, ["Alt"])];
      expected.push({
        kind: "keypoints",
        by: "mouse",
        check: (s, vp) => {
          expect(s).toMatchObject({ label: "person", visibility: [2, 2, 1] });
          pairs((s as Extract<Shape, { kind: "keypoints" }>).points).forEach((p, i) => near(p, joints[i]!, vp));
        },
      });
      await lab.press("Escape");
      await lab.press("m");
      const stroke = await lab.drag([40, 150], [120, 160]);
      expected.push(brushed("mouse", stroke.from, stroke.to));
      await lab.press("Escape");
      await lab.press("Shift+b");
      const rbox = await lab.drag([160, 130], [240, 190]);
      await lab.press("r"); // turned 1° by key
      expected.push(framed("rotated-box", "mouse", rbox.from, rbox.to, { angle: 1 }));
      await lab.press("o");
      const ellipse = await lab.drag([280, 130], [360, 190]);
      expected.push(framed("ellipse", "mouse", ellipse.from, ellipse.to, { angle: 0 }));

      // ── by keyboard alone: the cursor from the view's centre (Home), coarse steps, Space places ──
      await lab.press("Escape"); // the ellipse is let go; the cursor is not shown yet
      await lab.press("Home");
      const vp = await lab.viewport();
      const step = Math.max(10, Math.round(40 / vp.scale)); // the coarse (Shift+arrow) step at this zoom
      const centre = await lab.cursor();
      /** Moves the cursor by coarse steps to the grid point nearest (x, y) and says where it is. */
      const cursorTo = async (x: number, y: number): Promise<P> => {
        const at = await lab.cursor();
        const dx = Math.round((x - centre.x) / step) - Math.round((at.x - centre.x) / step);
        const dy = Math.round((y - centre.y) / step) - Math.round((at.y - centre.y) / step);
        for (let i = 0; i < Math.abs(dx); i++) await lab.press(dx > 0 ? "Shift+ArrowRight" : "Shift+ArrowLeft");
        for (let i = 0; i < Math.abs(dy); i++) await lab.press(dy > 0 ? "Shift+ArrowDown" : "Shift+ArrowUp");
        return lab.cursor();
      };
      const place = async (x: number, y: number): Promise<P> => {
        const at = await cursorTo(x, y);
        await lab.press("Space");
        return at;
      };
      expect(centre.y).toBeLessThan(300); // the keyboard's shapes go below the mouse's

      await lab.press("b");
      const kbox = [await place(40, 290), await place(120, 340)] as const;
      // attributes by keys: Shift+A into the panel, Space ticks occluded, Tab, type-ahead "b", Escape back
      await lab.press("Shift+a");
      await expect.poll(() => page.evaluate("document.activeElement?.type")).toBe("checkbox");
      await lab.press("Space");
      await lab.press("Tab");
      await page.keyboard.type("b");
      await lab.press("Escape");
      await expect.poll(() => page.evaluate("document.activeElement?.dataset.testid")).toBe("canvas-surface");
      expected.push(framed("box", "keyboard", kbox[0], kbox[1], { attributes: { occluded: true, colour: "blue" } }));
      await lab.press("Escape");
      await lab.press("p");
      const kpolygon = [await place(170, 290), await place(250, 300), await place(210, 350)];
      await lab.press("Enter");
      expected.push(pathOf("polygon", "keyboard", kpolygon));
      await lab.press("Escape");
      await lab.press("Shift+p");
      const kpolyline = [await place(290, 290), await place(340, 330), await place(390, 290)];
      await lab.press("Enter");
      expected.push(pathOf("polyline", "keyboard", kpolyline));
      await lab.press("Escape");
      await lab.press("t");
      const kpoints = [await place(430, 290), await place(460, 320)];
      await lab.press("Enter");
      expected.push(pathOf("points", "keyboard", kpoints));
      await lab.press("Escape");
      await lab.press("k");
      const head = await place(540, 290);
      await lab.press("j"); // left hand: absent
      const rightHand = await cursorTo(580, 340);
      await lab.press("Shift+j"); // right hand: occluded, at the cursor
      expected.push({
        kind: "keypoints",
        by: "keyboard",
        check: (s) =>
          expect(s).toMatchObject({
            label: "person",
            points: [head.x, head.y, 0, 0, rightHand.x, rightHand.y],
            visibility: [2, 0, 1],
          }),
      });
      await lab.press("Escape");
      await lab.press("m");
      // a brush stroke by keys: Space puts the brush down, Shift+→ paints to the right, Space lifts
      const brushFrom = await place(40, 410);
      const announced = () => page.getByTestId("announcer").textContent();
      await expect.poll(announced).toContain(`Brush down at ${brushFrom.x}, ${brushFrom.y}, 12 px`);
      const brushTo = await cursorTo(100, 410);
      expect(brushTo.x).toBeGreaterThan(brushFrom.x);
      await lab.press("Space");
      await expect.poll(announced).toMatch(/^Mask added: /);
      expected.push(brushed("keyboard", brushFrom, brushTo));
      await lab.press("Escape");
      await lab.press("Shift+b");
      const krbox = [await place(150, 390), await place(240, 440)] as const;
      await lab.press("Alt+r"); // turned 15° by key
      expected.push(framed("rotated-box", "keyboard", krbox[0], krbox[1], { angle: 15 }));
      await lab.press("Escape");
      await lab.press("o");
      const kellipse = [await place(290, 390), await place(370, 440)] as const;
      await lab.press("Alt+ArrowRight"); // rx + 1 about the same centre
      const [left, right] = [kellipse[0], kellipse[1]];
      expected.push(
        framed("ellipse", "keyboard", { x: left.x - 1, y: left.y }, { x: right.x + 1, y: right.y }, { angle: 0 }),
      );
      // the document the app is about to submit holds exactly these, in drawing order
      const drawn = (await lab.document()) as AnnotationDocument;
      expect(drawn.shapes.map((s) => s.kind)).toEqual(expected.map((e) => e.kind));
      drawn.shapes.forEach((s, i) => expected[i]!.check(s, vp));

      // ── submit through the app: the outbox sends it on chain ──
      await lab.press("Control+Enter");
      await page.getByRole("heading", { name: "My queue" }).waitFor({ timeout: 30_000 });
      await expect
        .poll(() => page.getByTestId("flash").textContent())
        .toMatch(
          /^Submitted 2 boxes, 2 polygons, 2 polylines, 2 point sets, 2 skeletons, 2 masks, 2 rotated boxes and 2 ellipses: it is in the Outbox/,
        );
      await goTo(page, "Outbox");
      await page.locator("[data-testid=outbox-row][data-state=confirmed]").waitFor({ timeout: 120_000 });
      expect(lab.errors).toEqual([]);

      // ── the requester's `amplify export`, read back from disk ──
      const exported = async (format: "coco" | "yolo" | "cvat"): Promise<Shape[]> => {
        const out = path.join(market.home, "export", format);
        const said: string[] = [];
        const code = await runCli(
          [
            ...["--rpc", market.net.rpcUrl, "--ws", market.net.wsUrl, "--blobs", market.net.blobUrl],
            ...["--keypair", path.join(market.home, "requester.json"), "--state", path.join(market.home, "state")],
            ...["export", created.campaign, "--format", format, "--out", out],
          ],
          { out: (l) => said.push(l), err: (l) => said.push(l), stopped: () => Promise.resolve() },
        );
        expect(code, said.join("\n")).toBe(0);
        const size = () => ({ fileName: "street.png", width: WIDTH, height: HEIGHT });
        const images = bindDataset(readDataset(filesFromDisk(out), size), drawn.labels);
        expect(images.map((i) => i.fileName)).toEqual(["street.png"]);
        return images[0]?.shapes ?? [];
      };
      const want = drawn.shapes.map((s) => comparable({ ...s, source: undefined } as Shape));
      // in a canonical order: by each shape's JSON with its keys sorted
      const canonical = (v: unknown): string =>
        JSON.stringify(v, (_k, x: unknown) =>
          x && typeof x === "object" && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
            : x,
        );
      const order = (a: unknown, b: unknown) => canonical(a).localeCompare(canonical(b));
      expect((await exported("coco")).map(comparable).sort(order)).toEqual([...want].sort(order));
      expect((await exported("cvat")).map(comparable).sort(order)).toEqual([...want].sort(order));
      // YOLO holds boxes, polygons, skeletons and rotated boxes as themselves (no attributes); the
      // ellipses and masks as outlines, polylines and points not at all (counted by the CLI)
      const exact = (s: Shape) =>
        ["box", "keypoints", "rotated-box"].includes(s.kind) || (s.kind === "polygon" && s.points.length === 6);
      const strip = (s: Shape) => comparable({ ...s, attributes: undefined, source: undefined } as Shape);
      const yolo = await exported("yolo");
      expect(yolo.filter(exact).map(strip).sort(order)).toEqual(drawn.shapes.filter(exact).map(strip).sort(order));
      expect(yolo.filter((s) => s.kind === "polygon")).toHaveLength(2 + 2 + 2); // 2 polygons, 2 ellipses, 2 masks
    },
  );
});
