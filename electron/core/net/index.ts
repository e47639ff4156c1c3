export { NetMonitor } from "./net-monitor";
export type { NetMonitorOptions } from "./net-monitor";
