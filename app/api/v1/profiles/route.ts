import { restRoute } from "@/server/rest/operation";
import { listProfilesOp } from "@/server/rest/profiles";

export const GET = restRoute(listProfilesOp);
