import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { ProfileService } from "./profile-service";

export function profileHandlers(profile: ProfileService): HandlerGroup<"profile:get" | "profile:register"> {
  return {
    "profile:get": () => guard(() => profile.get()),
    "profile:register": () => guard(() => profile.register()),
  };
}
