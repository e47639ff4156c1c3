export { UNREACHABLE, guard, toApiError } from "./to-api-error";
