import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../../../shared/api";
import { BlobFetcher } from "../../../../../lib/blobs";
import { fetchExample } from "../../../../../electron/core/tasks/campaign-examples";
import { generateScene } from "../../../../../localnet/demo/sceneGenerator";
import { startHostileGateway } from "../../../../support/hostile-gateway";
import type { HostileBehaviour, HostileGateway } from "../../../../support/hostile-gateway";

let gateway: HostileGateway;
let dir: string;
beforeAll(async () => {
  gateway = await startHostileGateway();
});
afterAll(() => gateway.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "amplify-examples-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const png = generateScene(900, { drawBoxes: true }).png;

function fetcher(): BlobFetcher {
  return new BlobFetcher({ cacheDir: join(dir, "cache"), gateways: () => [gateway.url] });
}

/** An example the metadata names, served by the gateway with a behaviour. */
function example(behaviour: HostileBehaviour, body?: Uint8Array) {
  const blob = gateway.add(behaviour, body);
  return { uri: blob.url, sha256: blob.hash, caption: "a tight box" };
}

async function sentence(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).message;
}

describe("a campaign's example images, as the instructions panel gets them", () => {
  it("hands over a verified picture with the type its first bytes say", async () => {
    const got = await fetchExample(fetcher(), example("good", png), 0);
    expect(got.mime).toBe("image/png");
    expect(Buffer.from(got.image).equals(Buffer.from(png))).toBe(true);
  });

  it("says which example was changed after posting, and shows none of its bytes", async () => {
    expect(await sentence(fetchExample(fetcher(), example("tampered", png), 1))).toBe(
      "Example image 2 was changed after the requester posted the campaign (its bytes do not match the campaign's record of them), so it is not shown.",
    );
  });

  it("says an example is missing from the gateway", async () => {
    expect(await sentence(fetchExample(fetcher(), example("missing"), 2))).toBe(
      "Example image 3 is missing: your blob gateway does not have it.",
    );
  });

  it("stops reading an oversized example at the cap and says how big an example may be", async () => {
    // Bytes that hash right and start like a PNG, one byte over 4 MB: refused for the size alone.
    const big = new Uint8Array(4 * 1024 * 1024 + 1);
    big.set(png.subarray(0, 64));
    expect(await sentence(fetchExample(fetcher(), example("good", big), 0))).toBe(
      "Example image 1 is larger than 4 MB, more than an example may be, so it is not loaded.",
    );
    // A gateway announcing gigabytes is cut off the same way.
    expect(await sentence(fetchExample(fetcher(), example("huge"), 0))).toMatch(/^Example image 1 is larger than 4 MB/);
  });

  it("refuses bytes that hash right but are not a picture (a corrupt file, an SVG, a script)", async () => {
    const corrupt = png.slice(8);
    for (const body of [corrupt, new TextEncoder().encode("<svg onload='alert(1)'/>")]) {
      expect(await sentence(fetchExample(fetcher(), example("good", body), 3))).toBe(
        "Example image 4 is not a picture the app can show (its bytes are not a PNG, JPEG, WebP or GIF image), so it is left out.",
      );
    }
  });

  it("never fetches from a host that is not one of the worker's gateways", async () => {
    const stranger = { uri: "https://example.invalid/pics/a.png", sha256: "ab".repeat(32), caption: "" };
    expect(await sentence(fetchExample(fetcher(), stranger, 0))).toBe(
      "Example image 1 is stored somewhere the app does not fetch from (only your blob gateways), so it is not shown.",
    );
  });
});
