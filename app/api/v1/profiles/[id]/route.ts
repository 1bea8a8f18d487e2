import { restRoute } from "@/server/rest/operation";
import { deleteProfileOp, getProfileOp, updateProfileOp } from "@/server/rest/profiles";

export const GET = restRoute(getProfileOp);
export const PATCH = restRoute(updateProfileOp);
export const DELETE = restRoute(deleteProfileOp);
