import { restRoute } from "@/server/rest/operation";
import { listEventsOp } from "@/server/rest/events";

export const GET = restRoute(listEventsOp);
