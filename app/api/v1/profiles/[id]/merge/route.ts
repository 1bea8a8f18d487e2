import { restRoute } from "@/server/rest/operation";
import { mergeProfileOp } from "@/server/rest/profiles";

export const POST = restRoute(mergeProfileOp);
