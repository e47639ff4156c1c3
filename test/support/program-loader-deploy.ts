// A DeployChain over an in-process LiteSVM: the program tests deploy through the real
// upgradeable loader (shared/loader), exactly as a cluster would run it.
import {
  appendTransactionMessageInstructions,
  createTransactionMessage,
  pipe,
  setTransactionMessageFeePayerSigner,
  signTransactionMessageWithSigners,
} from "@solana/kit";
import { FailedTransactionMetadata } from "litesvm";
import type { DeployChain } from "../../shared/loader/index";
import type { Address, Instruction, TransactionSigner } from "@solana/kit";
import type { LiteSVM } from "litesvm";

export class LoaderDeployError extends Error {
  constructor(
    readonly detail: string,
    readonly logs: string[],
  ) {
    super(`${detail}\n${logs.join("\n")}`);
  }
}

export function liteSvmChain(svm: LiteSVM): DeployChain {
  return {
    getAccount(address: Address) {
      const account = svm.getAccount(address);
      return Promise.resolve(
        account.exists
          ? { lamports: BigInt(account.lamports), owner: account.programAddress, data: Uint8Array.from(account.data) }
          : null,
      );
    },
    minimumBalance(size: number) {
      return Promise.resolve(svm.minimumBalanceForRentExemption(BigInt(size)));
    },
    async send(instructions: readonly Instruction[], feePayer: TransactionSigner) {
      svm.expireBlockhash();
      const message = pipe(
        createTransactionMessage({ version: 0 }),
        (m) => setTransactionMessageFeePayerSigner(feePayer, m),
        (m) => svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
        (m) => appendTransactionMessageInstructions(instructions, m),
      );
      const result = svm.sendTransaction(await signTransactionMessageWithSigners(message));
      if (result instanceof FailedTransactionMetadata)
        throw new LoaderDeployError(result.err().toString(), result.meta().logs());
    },
  };
}
