import { restRoute } from "@/server/rest/operation";
import { listMessagesOp } from "@/server/rest/messages";

export const GET = restRoute(listMessagesOp);
