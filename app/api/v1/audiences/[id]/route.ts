import { restRoute } from "@/server/rest/operation";
import { getAudienceOp } from "@/server/rest/audiences";

export const GET = restRoute(getAudienceOp);
