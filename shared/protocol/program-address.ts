import { address } from "@solana/kit";

/**
 * The Amplify program's address. A fixed, readable constant: the localnet and the tests load the
 * program here with LiteSVM's addProgram. A deploy to a public cluster would need the keypair of
 * a program address and a new constant.
 */
export const AMPLIFY_PROGRAM_ADDRESS = address("AmpLify1111111111111111111111111111111111111");

export const SYSTEM_PROGRAM_ADDRESS = address("11111111111111111111111111111111");
