// The Requester view's core: the requester library (lib/requester) with the keystore as its signer.
export { RequesterService } from "./requester-service";
export type { RequesterEndpoints, RequesterServiceOptions } from "./requester-service";
export { KeyServiceRunner } from "./key-service-runner";
export { keystoreRequesterKeys } from "./requester-keys";
export { requesterHandlers } from "./requester-handlers";
export type { FolderPicker } from "./requester-handlers";
