// `amplify requester serve-keys`: grants file keys to workers as they accept, until ^C.
import { loadKeyFile, startKeyService } from "../../../lib/requester";
import { num } from "./args";
import { defineCommand } from "./command";

export const serveKeys = defineCommand({
  name: "requester serve-keys",
  usage: "  requester serve-keys [--poll-ms N] grant file keys to workers as they accept (runs until ^C)",
  flags: { "poll-ms": { type: "string" } },
  async run({ values, io, globals, chain }) {
    const keys = await loadKeyFile(globals().keypair);
    const service = await startKeyService({
      chain: chain(),
      keys,
      pollMs: values["poll-ms"] ? num("--poll-ms", 100, 600_000).parse(values["poll-ms"]) : 2000,
      log: (line) => io.out(`[keys] ${line}`),
    });
    io.out(`serving keys for ${keys.address}'s private campaigns; ^C to stop`);
    await io.stopped();
    await service.close();
    io.out(`granted ${service.granted()} keys`);
  },
});
