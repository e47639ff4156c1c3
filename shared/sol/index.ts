export { LAMPORTS_PER_SOL, formatSol, parseSolText, solDigits } from "./sol-amount";
