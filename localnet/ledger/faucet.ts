// requestAirdrop is a real System transfer signed by a faucet key the ledger keeps, so an
// airdrop has a signature, a status, a transaction and notifications like any other.
import nacl from "tweetnacl";
import { getBase58Decoder, getBase58Encoder } from "@solana/kit";

const SYSTEM_PROGRAM = "11111111111111111111111111111111";

export interface Faucet {
  address: string;
  /** The faucet's Ed25519 seed: the localnet also signs its genesis set-up with it. */
  seed: Uint8Array;
  transfer(to: string, lamports: bigint, recentBlockhash: string): Uint8Array;
}

export function createFaucet(seed: Uint8Array): Faucet {
  const pair = nacl.sign.keyPair.fromSeed(seed);
  const b58d = getBase58Decoder();
  const b58e = getBase58Encoder();
  const address = b58d.decode(pair.publicKey);
  return {
    address,
    seed,
    transfer(to, lamports, recentBlockhash) {
      const data = new Uint8Array(12);
      const view = new DataView(data.buffer);
      view.setUint32(0, 2, true);
      view.setBigUint64(4, lamports, true);
      const message = new Uint8Array([
        1,
        0,
        1, // header: one signer, no readonly signers, one readonly non-signer
        3,
        ...pair.publicKey,
        ...b58e.encode(to),
        ...b58e.encode(SYSTEM_PROGRAM),
        ...b58e.encode(recentBlockhash),
        1,
        2,
        2,
        0,
        1,
        data.length,
        ...data,
      ]);
      const signature = nacl.sign.detached(message, pair.secretKey);
      return new Uint8Array([1, ...signature, ...message]);
    },
  };
}
