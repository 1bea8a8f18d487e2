import { restRoute } from "@/server/rest/operation";
import { triggerCampaignOp } from "@/server/rest/campaign-trigger";

export const POST = restRoute(triggerCampaignOp);
