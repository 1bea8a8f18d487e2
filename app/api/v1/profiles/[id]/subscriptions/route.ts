import { restRoute } from "@/server/rest/operation";
import { getSubscriptionsOp, putSubscriptionsOp } from "@/server/rest/subscriptions";

export const GET = restRoute(getSubscriptionsOp);
export const PUT = restRoute(putSubscriptionsOp);
