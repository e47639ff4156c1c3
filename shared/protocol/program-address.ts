import { address } from "@solana/kit";

/**
 * The default program id: the localnet's, where `npm start`, the tests and the demo deploy the
 * program through the upgradeable loader with the committed keypair `localnet/program-keypair.json`
 * (its secret is public: never use this id on a shared cluster). Every component takes the id it
 * talks to from configuration (`AMPLIFY_PROGRAM_ADDRESS`, Settings); this is only the fallback.
 */
export const AMPLIFY_PROGRAM_ADDRESS = address("AmpLqHx6GfL69wJETKM1NYeWThxcG9D1AmBnrSFfeSWL");

export const SYSTEM_PROGRAM_ADDRESS = address("11111111111111111111111111111111");
