export { createWorkerServices } from "./worker-services";
export type { WorkerServices, WorkerServicesOptions } from "./worker-services";
