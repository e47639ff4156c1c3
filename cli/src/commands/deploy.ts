// `amplify deploy` and `amplify verify-deployment`: the program through the upgradeable loader,
// and whether a cluster holds a reproducible build of this checkout (work in ../deployCommands.ts).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { KeyPairSigner } from "@solana/kit";
import { z } from "zod";
import { loadKeyFile, RequesterError } from "../../../lib/requester";
import { buildPrograms, CLANG } from "../../../program/tools/build";
import { amplifyProgramAddress } from "../../../shared/protocol";
import { resolveGlobals } from "../cliOptions";
import { deployCommand, PROGRAM_BUILDS, verifyDeploymentCommand } from "../deployCommands";
import { progressBar } from "../progressBar";
import { addressArg, need } from "./args";
import { defineCommand } from "./command";

const DEPLOY_PHASES = {
  buffer: "creating the buffer",
  write: "writing the program",
  deploy: "deploying",
  upgrade: "upgrading",
} as const;

export const deploy = defineCommand({
  name: "deploy",
  usage: `  deploy --keypair PROGRAM.json [--url RPC] [--authority FILE] [--treasury ADDRESS] [--sbpf v0|v3]
                                     deploy or upgrade the program through the upgradeable loader
                                     at PROGRAM.json's id, with the newest SBPF version the cluster
                                     accepts; the wallet (--authority, default the requester key)
                                     pays and becomes the upgrade authority; resumes an interrupted
                                     deploy; initialises the config on a first deploy`,
  flags: {
    url: { type: "string" },
    authority: { type: "string" },
    treasury: { type: "string" },
    sbpf: { type: "string" },
  },
  async run({ values, io }) {
    // Here --keypair names the program's keypair (as in `solana program deploy`); the wallet that
    // pays and becomes the upgrade authority is --authority, else the requester key.
    const g = resolveGlobals({ ...values, rpc: values.url ?? values.rpc, keypair: values.authority });
    const authority = (await loadKeyFile(g.keypair)).signer as KeyPairSigner;
    const bar = progressBar();
    await deployCommand({
      rpcUrl: g.rpcUrl,
      programKeypair: need(values.keypair, "--keypair PROGRAM.json"),
      authority,
      stateDir: g.stateDir,
      ...(values.sbpf ? { version: z.enum(["v0", "v3"], "--sbpf is v0 or v3").parse(values.sbpf) } : {}),
      ...(values.treasury ? { treasury: addressArg(values.treasury, "--treasury") } : {}),
      onProgress: (p) => bar.update({ phase: DEPLOY_PHASES[p.phase], done: p.done, total: p.total }),
      out: (line) => {
        bar.done();
        io.out(line);
      },
    });
  },
});

export const verifyDeployment = defineCommand({
  name: "verify-deployment",
  usage: `  verify-deployment [--program-id ID] [--url RPC]
                                     compare the cluster's program bytes with a reproducible build`,
  flags: { url: { type: "string" } },
  async run({ values, io }) {
    const g = resolveGlobals({ ...values, rpc: values.url ?? values.rpc });
    const programId = amplifyProgramAddress();
    const { builds, source } = reproducibleBuilds();
    const matches = await verifyDeploymentCommand({
      rpcUrl: g.rpcUrl,
      programId,
      builds,
      buildSource: source,
      out: io.out,
    });
    if (!matches) throw new RequesterError(`${programId} does not hold a reproducible build of this checkout`);
  },
});

/** Both builds rebuilt from source with clang-19 when it is installed, else the committed files. */
function reproducibleBuilds(): { builds: Record<"v0" | "v3", Uint8Array>; source: string } {
  if (spawnSync(CLANG, ["--version"]).status === 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amplify-verify-"));
    try {
      return { builds: buildPrograms(dir), source: "rebuilt (clang-19)" };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    builds: {
      v0: new Uint8Array(fs.readFileSync(PROGRAM_BUILDS.v0)),
      v3: new Uint8Array(fs.readFileSync(PROGRAM_BUILDS.v3)),
    },
    source: `committed (${CLANG} not installed, so not rebuilt)`,
  };
}
