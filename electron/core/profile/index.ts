export { ProfileService, ratingView } from "./profile-service";
export { ProfileCache } from "./profile-cache";
export { profileHandlers } from "./profile-handlers";
