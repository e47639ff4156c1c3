export { moduleFile } from "./module-file";
export { startSiblingWorker } from "./start-worker";
