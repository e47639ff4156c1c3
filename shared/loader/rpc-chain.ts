// A DeployChain over JSON-RPC (any cluster, the localnet included): accounts by getAccountInfo,
// rent by getMinimumBalanceForRentExemption, and each transaction sent and polled with
// getSignatureStatuses until confirmed, so no PubSub connection is needed.
import {
  appendTransactionMessageInstructions,
  createTransactionMessage,
  getBase64EncodedWireTransaction,
  getBase64Encoder,
  getSignatureFromTransaction,
  pipe,
  setTransactionMessageFeePayerSigner,
  setTransactionMessageLifetimeUsingBlockhash,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT, FEATURE_ENABLE_SBPF_V3_DEPLOYMENT } from "./addresses";
import { decodeFeatureActive } from "./features";
import type { ChainAccount, DeployChain } from "./deploy";
import type { Address, Instruction, TransactionSigner, createSolanaRpc } from "@solana/kit";

const POLL_MS = 60;
const CONFIRM_TIMEOUT_MS = 60_000;

export type Rpc = ReturnType<typeof createSolanaRpc>;

function toChainAccount(
  value: { lamports: bigint; owner: Address; data: readonly [string, string] } | null,
): ChainAccount | null {
  if (!value) return null;
  return {
    lamports: BigInt(value.lamports),
    owner: value.owner,
    data: Uint8Array.from(getBase64Encoder().encode(value.data[0])),
  };
}

export function rpcDeployChain(rpc: Rpc): DeployChain {
  return {
    async getAccount(address) {
      const { value } = await rpc.getAccountInfo(address, { encoding: "base64", commitment: "confirmed" }).send();
      return toChainAccount(value as never);
    },
    async minimumBalance(size) {
      return BigInt(await rpc.getMinimumBalanceForRentExemption(BigInt(size)).send());
    },
    async send(instructions: readonly Instruction[], feePayer: TransactionSigner) {
      const { value: latest } = await rpc.getLatestBlockhash({ commitment: "confirmed" }).send();
      const message = pipe(
        createTransactionMessage({ version: 0 }),
        (m) => setTransactionMessageFeePayerSigner(feePayer, m),
        (m) => setTransactionMessageLifetimeUsingBlockhash(latest, m),
        (m) => appendTransactionMessageInstructions(instructions, m),
      );
      const signed = await signTransactionMessageWithSigners(message);
      const signature = getSignatureFromTransaction(signed);
      await rpc
        .sendTransaction(getBase64EncodedWireTransaction(signed), {
          encoding: "base64",
          preflightCommitment: "confirmed",
        })
        .send();
      const deadline = Date.now() + CONFIRM_TIMEOUT_MS;
      while (Date.now() < deadline) {
        const [status] = (await rpc.getSignatureStatuses([signature]).send()).value;
        if (status?.err)
          throw new Error(
            `transaction ${signature} failed: ${JSON.stringify(status.err, (_k, v: unknown) => (typeof v === "bigint" ? Number(v) : v))}`,
          );
        if (status && (status.confirmationStatus === "confirmed" || status.confirmationStatus === "finalized")) return;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      throw new Error(`transaction ${signature} was not confirmed within ${CONFIRM_TIMEOUT_MS / 1000} s`);
    },
  };
}

/** The two deploy features of a cluster, read with one getMultipleAccounts. */
export async function readDeployFeatures(rpc: Rpc): Promise<{ disableV0: boolean; enableV3: boolean }> {
  const { value } = await rpc
    .getMultipleAccounts([FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT, FEATURE_ENABLE_SBPF_V3_DEPLOYMENT], {
      encoding: "base64",
      commitment: "confirmed",
    })
    .send();
  const [disableV0, enableV3] = value.map((account) => decodeFeatureActive(toChainAccount(account as never)));
  return { disableV0: disableV0 ?? false, enableV3: enableV3 ?? false };
}
