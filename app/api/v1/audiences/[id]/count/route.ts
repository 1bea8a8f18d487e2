import { restRoute } from "@/server/rest/operation";
import { audienceCountOp } from "@/server/rest/audiences";

export const GET = restRoute(audienceCountOp);
