// `amplify keys new|import|show|airdrop`: the requester's wallet (solana-keygen JSON format).
import { lamports } from "@solana/kit";
import { formatSol, importKeyFile, loadKeyFile, newKeyFile } from "../../../lib/requester";
import { need, parseSol } from "./args";
import { defineCommand } from "./command";

export const keysNew = defineCommand({
  name: "keys new",
  usage: "  keys new [--force]                 create a wallet (solana-keygen JSON format)",
  flags: { force: { type: "boolean" } },
  async run({ values, io, globals }) {
    const g = globals();
    const keys = await newKeyFile(g.keypair, values.force ?? false);
    io.out(`wrote ${g.keypair}\naddress ${keys.address}`);
  },
});

export const keysImport = defineCommand({
  name: "keys import",
  usage: "  keys import FILE [--force]         import a solana-keygen key file",
  flags: { force: { type: "boolean" } },
  async run({ values, args, io, globals }) {
    const g = globals();
    const keys = await importKeyFile(need(args[0], "FILE"), g.keypair, values.force ?? false);
    io.out(`imported into ${g.keypair}\naddress ${keys.address}`);
  },
});

export const keysShow = defineCommand({
  name: "keys show",
  usage: "  keys show                          address, X25519 key and balance",
  flags: {},
  async run({ io, globals, chain }) {
    const g = globals();
    const keys = await loadKeyFile(g.keypair);
    io.out(`address ${keys.address}\nx25519  ${Buffer.from(keys.x25519.publicKey).toString("hex")}`);
    try {
      io.out(`balance ${formatSol(await chain().balance(keys.address))} SOL (${g.rpcUrl})`);
    } catch {
      io.out(`balance unknown: ${g.rpcUrl} is not reachable`);
    }
  },
});

export const keysAirdrop = defineCommand({
  name: "keys airdrop",
  usage: "  keys airdrop [SOL]                 fund the wallet (localnet/devnet faucets only)",
  flags: {},
  async run({ args, io, globals, chain }) {
    const keys = await loadKeyFile(globals().keypair);
    const amount = parseSol(args[0] ?? "10");
    const c = chain();
    await c.rpc.requestAirdrop(keys.address, lamports(amount)).send();
    io.out(`airdropped ${formatSol(amount)} SOL; balance ${formatSol(await c.balance(keys.address))} SOL`);
  },
});
