export { ProfileService, ratingView } from "./profile-service";
export { profileHandlers } from "./profile-handlers";
