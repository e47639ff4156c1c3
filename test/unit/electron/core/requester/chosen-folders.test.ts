import { describe, expect, it } from "vitest";
import type { CreateCampaignRequest, CreatedCampaign, ExportOutcome, ExportRequest } from "../../../../../shared/api";
import { ApiError } from "../../../../../shared/api";
import { requesterHandlers } from "../../../../../electron/core/requester";
import type { KeyServiceRunner, RequesterService } from "../../../../../electron/core/requester";

const request: CreateCampaignRequest = {
  folder: "/home/someone/Pictures",
  title: "Boxes",
  instructions: "",
  labelKind: "box",
  labels: ["car"],
  priceSol: "0.001",
  minStars: 0,
  replication: 1,
  deadlineDays: 7,
  isPrivate: false,
};
const exportTo = (outDir: string): ExportRequest => ({
  campaign: "11111111111111111111111111111111" as ExportRequest["campaign"],
  format: "coco",
  outDir,
});

/** Records which folders reached the requester library; nothing real is created. */
function fakeService() {
  const reached: string[] = [];
  const service = {
    create: async (input: CreateCampaignRequest): Promise<CreatedCampaign> => {
      reached.push(`images:${input.folder}`);
      return {
        campaign: "11111111111111111111111111111111" as CreatedCampaign["campaign"],
        taskCount: 1,
        resumed: false,
      };
    },
    export: async (input: ExportRequest): Promise<ExportOutcome> => {
      reached.push(`export:${input.outDir}`);
      return { files: [], images: 0, shapes: 0 };
    },
  };
  return { reached, service: service as unknown as RequesterService };
}
const noKeys = {} as KeyServiceRunner;

describe("folders the requester handlers read and write", () => {
  it("with a native dialog (Electron), refuses a typed folder before the library sees it", async () => {
    const { reached, service } = fakeService();
    const handlers = requesterHandlers(service, noKeys, async (purpose) =>
      purpose === "images" ? "/data/campaign-images" : "/data/exports",
    );
    await expect(handlers["requester:create"](request)).rejects.toThrow(ApiError);
    await expect(handlers["requester:create"](request)).rejects.toThrow(/picked in its dialog/);
    await expect(handlers["requester:export"](exportTo("/etc"))).rejects.toThrow(/picked in its dialog/);
    expect(reached).toEqual([]);
  });

  it("with a native dialog, accepts what the user picked there, for that purpose only", async () => {
    const { reached, service } = fakeService();
    const handlers = requesterHandlers(service, noKeys, async (purpose) =>
      purpose === "images" ? "/data/campaign-images" : "/data/exports",
    );
    expect(await handlers["requester:pickFolder"]({ purpose: "images" })).toEqual({ path: "/data/campaign-images" });
    await handlers["requester:create"]({ ...request, folder: "/data/campaign-images/" });
    await expect(handlers["requester:export"](exportTo("/data/campaign-images"))).rejects.toThrow(
      /picked in its dialog/,
    );
    await handlers["requester:pickFolder"]({ purpose: "export" });
    await handlers["requester:export"](exportTo("/data/exports"));
    expect(reached).toEqual(["images:/data/campaign-images/", "export:/data/exports"]);
  });

  it("with a native dialog, example images are read only from an examples folder picked there", async () => {
    const { reached, service } = fakeService();
    const handlers = requesterHandlers(service, noKeys, async (purpose) =>
      purpose === "images" ? "/data/campaign-images" : purpose === "examples" ? "/data/examples" : "/data/exports",
    );
    await handlers["requester:pickFolder"]({ purpose: "images" });
    const withExamples = (examplesFolder?: string): CreateCampaignRequest => ({
      ...request,
      folder: "/data/campaign-images",
      examples: [{ file: "good.png", caption: "a tight box" }],
      ...(examplesFolder !== undefined ? { examplesFolder } : {}),
    });
    // A typed folder (say, the user's home) would let a page publish any picture as an example.
    const typed = await Promise.resolve()
      .then(() => handlers["requester:create"](withExamples("/home/someone")))
      .then(
        () => null,
        (e: unknown) => e as ApiError,
      );
    expect(typed?.fields).toEqual([{ path: "examplesFolder", message: expect.stringMatching(/picked in its dialog/) }]);
    const missing = await Promise.resolve()
      .then(() => handlers["requester:create"](withExamples()))
      .then(
        () => null,
        (e: unknown) => e as ApiError,
      );
    expect(missing?.fields).toEqual([
      { path: "examplesFolder", message: "Give the folder the example images are in." },
    ]);
    expect(reached).toEqual([]);
    await handlers["requester:pickFolder"]({ purpose: "examples" });
    await handlers["requester:create"](withExamples("/data/examples"));
    expect(reached).toEqual(["images:/data/campaign-images"]);
  });

  it("a cancelled dialog allows nothing new", async () => {
    const { reached, service } = fakeService();
    const handlers = requesterHandlers(service, noKeys, async () => null);
    expect(await handlers["requester:pickFolder"]({ purpose: "images" })).toEqual({ path: null });
    await expect(handlers["requester:create"](request)).rejects.toThrow(/picked in its dialog/);
    expect(reached).toEqual([]);
  });

  it("without a dialog (the browser shell), a typed folder is the way in", async () => {
    const { reached, service } = fakeService();
    const handlers = requesterHandlers(service, noKeys);
    await handlers["requester:create"](request);
    await handlers["requester:export"](exportTo("/tmp/out"));
    expect(reached).toEqual(["images:/home/someone/Pictures", "export:/tmp/out"]);
  });
});
