/** Why a model folder was refused; the message names the folder and the file at fault. */
export class ModelRefusedError extends Error {
  override name = "ModelRefusedError";

  constructor(
    readonly folder: string,
    readonly reason: string,
  ) {
    super(`model ${folder} refused: ${reason}`);
  }
}
