// Bit-exact model of the program's fee accumulator (program/src/rewards.c): what each stake can
// claim, computed the same way, so clients show claimable lamports and tests predict them exactly.

const TWO_64 = 1n << 64n;

export interface AccumulatorState {
  /** Lamports per staked AMP base unit × 2^64. */
  accumulator: bigint;
  remainder: bigint;
  totalStaked: bigint;
  distributed: bigint;
}

/** Credits the stakers' part of a fee; nothing happens while nothing is staked. */
export function creditFee(state: AccumulatorState, stakersPart: bigint): AccumulatorState {
  if (stakersPart === 0n || state.totalStaked === 0n) return state;
  const numerator = stakersPart * TWO_64 + state.remainder;
  return {
    accumulator: state.accumulator + numerator / state.totalStaked,
    remainder: numerator % state.totalStaked,
    totalStaked: state.totalStaked,
    distributed: state.distributed + stakersPart,
  };
}

/** The stakers' part of a fee: fee × staker_bps / 10,000, rounded down. */
export function stakersPartOf(fee: bigint, stakerBps: number): bigint {
  return (fee * BigInt(stakerBps)) / 10_000n;
}

/** Lamports a stake has earned since its last settlement at `snapshot`. */
export function earnedSince(amount: bigint, accumulator: bigint, snapshot: bigint): bigint {
  return (amount * (accumulator - snapshot)) / TWO_64;
}

/** What a claim would pay now: settled pending plus what accrued since. */
export function claimable(
  stake: { amount: bigint; accumulator: bigint; pending: bigint },
  governance: { accumulator: bigint },
): bigint {
  return stake.pending + earnedSince(stake.amount, governance.accumulator, stake.accumulator);
}

/**
 * AMP minted for a reviewed result whose whole fee is credited (the requester does not dominate the
 * worker's recent income, see independence.ts): fee at today's rate × amp rate × score / 100.
 */
export function ampForReview(price: bigint, feeBps: number, ampRate: bigint, score: number): bigint {
  return ampForCredited((price * BigInt(feeBps)) / 10_000n, ampRate, score);
}

/** AMP minted for the credited part of a review's fee: credited × amp rate × score / 100. */
export function ampForCredited(credited: bigint, ampRate: bigint, score: number): bigint {
  return (credited * ampRate * BigInt(score)) / 100n;
}
