/** First byte of every instruction's data (program/include/amplify.h, enum Instruction). */
export const INSTRUCTION_TAGS = {
  initConfig: 0,
  setFee: 1,
  setPaused: 2,
  updateConfig: 3,
  registerWorker: 4,
  updateWorkerKey: 5,
  createCampaign: 6,
  topUp: 7,
  addTasks: 8,
  acceptTask: 9,
  grantKey: 10,
  submitResult: 11,
  review: 12,
  releaseExpired: 13,
  closeCampaign: 14,
} as const;

export type InstructionName = keyof typeof INSTRUCTION_TAGS;
