// `amplify deploy` and `amplify verify-deployment`: the operator's side of the program. Deploys
// go through the BPF upgradeable loader (shared/loader) with the newest SBPF version the target
// cluster's feature accounts accept; an interrupted deploy resumes from its buffer, whose key is
// kept in the state directory until the deploy lands.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  createKeyPairSignerFromBytes,
  createKeyPairSignerFromPrivateKeyBytes,
  createSolanaRpc,
  getAddressEncoder,
  type Address,
  type KeyPairSigner,
} from "@solana/kit";
import { z } from "zod";
import {
  deployCost,
  deployProgram,
  holdsProgram,
  newestAcceptedVersion,
  readDeployedProgram,
  readDeployFeatures,
  rpcDeployChain,
  type DeployProgress,
  type SbpfDeployVersion,
} from "../../shared/loader";
import { findConfigPda, getInitConfigInstruction } from "../../shared/protocol";
import { formatSol, RequesterError } from "../../lib/requester";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PROGRAM_BUILDS: Record<SbpfDeployVersion, string> = {
  v0: path.join(repoRoot, "program", "dist", "amplify.so"),
  v3: path.join(repoRoot, "program", "dist", "amplify-v3.so"),
};

const KeypairFile = z.array(z.number().int().min(0).max(255)).length(64);

/** A solana-keygen JSON keypair, with a sentence for each way the file can be wrong. */
export async function readKeypairFile(file: string, what: string): Promise<KeyPairSigner> {
  if (!fs.existsSync(file)) throw new RequesterError(`${what} ${file} does not exist`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new RequesterError(`${what} ${file} is not JSON (expected solana-keygen's array of 64 numbers)`);
  }
  const bytes = KeypairFile.safeParse(parsed);
  if (!bytes.success)
    throw new RequesterError(`${what} ${file} is not a solana-keygen keypair (an array of 64 numbers)`);
  try {
    return await createKeyPairSignerFromBytes(Uint8Array.from(bytes.data));
  } catch {
    throw new RequesterError(`${what} ${file}: its public half does not match its secret`);
  }
}

export const sha256Hex = (bytes: Uint8Array): string => crypto.createHash("sha256").update(bytes).digest("hex");

/** Program bytes as `solana-verify` hashes them: trailing zero padding of the ProgramData removed. */
export function stripTrailingZeros(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

export interface DeployOptions {
  rpcUrl: string;
  programKeypair: string;
  /** Payer and upgrade authority. */
  authority: KeyPairSigner;
  stateDir: string;
  /** Force a build instead of the newest the cluster accepts. */
  version?: SbpfDeployVersion;
  treasury?: Address;
  onProgress?: (p: DeployProgress) => void;
  out: (line: string) => void;
}

export async function deployCommand(opts: DeployOptions): Promise<void> {
  const program = await readKeypairFile(opts.programKeypair, "program keypair");
  const rpc = createSolanaRpc(opts.rpcUrl);
  const chain = rpcDeployChain(rpc);
  const features = await readDeployFeatures(rpc).catch((e: unknown) => {
    throw new RequesterError(
      `cannot read ${opts.rpcUrl}'s feature accounts: ${e instanceof Error ? e.message : String(e)}`,
    );
  });
  const version = opts.version ?? newestAcceptedVersion(features);
  const bytes = new Uint8Array(fs.readFileSync(PROGRAM_BUILDS[version]));
  opts.out(
    `cluster features: SBPF v0 deploys ${features.disableV0 ? "refused (SIMD-0500 active)" : "accepted"}, v3 deploys ${features.enableV3 ? "accepted" : "not enabled"}; deploying ${version}`,
  );

  const current = await readDeployedProgram(chain, program.address);
  if (current.kind === "absent") {
    const cost = await deployCost(chain, bytes.length);
    const balance = (await chain.getAccount(opts.authority.address))?.lamports ?? 0n;
    if (balance < cost) {
      throw new RequesterError(
        `${opts.authority.address} holds ${formatSol(balance)} SOL; a first deploy locks about ${formatSol(cost)} SOL of rent (fund it first)`,
      );
    }
  }
  // The buffer's key survives an interruption here, so the next run resumes into the same buffer.
  const bufferFile = path.join(opts.stateDir, `deploy-buffer-${program.address}.json`);
  let buffer: KeyPairSigner;
  if (fs.existsSync(bufferFile)) {
    buffer = await readKeypairFile(bufferFile, "saved deploy buffer");
    opts.out(`resuming the interrupted deploy from buffer ${buffer.address}`);
  } else {
    const seed = crypto.randomBytes(32);
    buffer = await createKeyPairSignerFromPrivateKeyBytes(seed);
    fs.mkdirSync(opts.stateDir, { recursive: true });
    fs.writeFileSync(bufferFile, JSON.stringify([...seed, ...getAddressEncoder().encode(buffer.address)]), {
      mode: 0o600,
    });
  }
  const result = await deployProgram({
    chain,
    bytes,
    program: current.kind === "absent" ? program : program.address,
    payer: opts.authority,
    buffer,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  }).catch((e: unknown) => {
    throw new RequesterError(
      `deploy failed (run the same command again to resume): ${e instanceof Error ? e.message : String(e)}`,
    );
  });
  fs.rmSync(bufferFile, { force: true });

  const deployed = await readDeployedProgram(chain, program.address);
  if (deployed.kind !== "upgradeable" || !holdsProgram(deployed.bytes, bytes))
    throw new RequesterError("the cluster does not hold the bytes just deployed");
  opts.out(
    `${result.kind} program ${result.programId} (SBPF ${version}, ${bytes.length} bytes, ${result.writes} of ${result.chunks} chunks written)`,
  );
  opts.out(`upgrade authority ${deployed.upgradeAuthority ?? "none (immutable)"}`);
  opts.out(
    `sha256 ${sha256Hex(deployed.bytes.subarray(0, bytes.length))} (the ${bytes.length} deployed bytes; ${sha256Hex(stripTrailingZeros(deployed.bytes))} with trailing zeros stripped, as solana-verify hashes)`,
  );

  const [config] = await findConfigPda(program.address);
  if (!(await chain.getAccount(config))) {
    const treasury = opts.treasury ?? opts.authority.address;
    await chain.send(
      [
        await getInitConfigInstruction({
          payer: opts.authority,
          authority: opts.authority.address,
          treasury,
          programAddress: program.address,
        }),
      ],
      opts.authority,
    );
    opts.out(`config initialised: governance ${opts.authority.address}, treasury ${treasury}, fee 5 %`);
  }
}

export interface VerifyOptions {
  rpcUrl: string;
  programId: Address;
  /** The reproducible builds to compare with (rebuilt or committed), by version. */
  builds: Record<SbpfDeployVersion, Uint8Array>;
  buildSource: string;
  out: (line: string) => void;
}

/** True when the cluster's program is one of the builds byte for byte. */
export async function verifyDeploymentCommand(opts: VerifyOptions): Promise<boolean> {
  const chain = rpcDeployChain(createSolanaRpc(opts.rpcUrl));
  const deployed = await readDeployedProgram(chain, opts.programId);
  if (deployed.kind === "absent") throw new RequesterError(`no program at ${opts.programId} on ${opts.rpcUrl}`);
  const onChain = stripTrailingZeros(deployed.bytes);
  opts.out(`program ${opts.programId} on ${opts.rpcUrl}: ${onChain.length} bytes, sha256 ${sha256Hex(onChain)}`);
  for (const version of ["v3", "v0"] as const) {
    const build = opts.builds[version];
    const same = holdsProgram(deployed.bytes, build);
    opts.out(
      `  ${same ? "matches" : "differs from"} the ${opts.buildSource} ${version} build (sha256 ${sha256Hex(build)})`,
    );
    if (same) return true;
  }
  return false;
}
