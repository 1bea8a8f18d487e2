import { restRoute } from "@/server/rest/operation";
import { getMessageOp } from "@/server/rest/messages";

export const GET = restRoute(getMessageOp);
