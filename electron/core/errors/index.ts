export { guard, toApiError } from "./to-api-error";
