/** First byte of every instruction's data (program/include/amplify.h, enum Instruction). */
export const INSTRUCTION_TAGS = {
  initConfig: 0,
  setFee: 1,
  setPaused: 2,
  updateConfig: 3,
  acceptAuthority: 4,
  withdrawFees: 5,
  registerWorker: 6,
  updateWorkerKey: 7,
  createCampaign: 8,
  addTaskPage: 9,
  acceptTask: 10,
  grantKey: 11,
  submitResult: 12,
  review: 13,
  releaseExpired: 14,
  endCampaign: 15,
  closeCampaign: 16,
  closeShare: 17,
} as const;

export type InstructionName = keyof typeof INSTRUCTION_TAGS;
