import { restRoute } from "@/server/rest/operation";
import { triggerCampaignBatchOp } from "@/server/rest/campaign-trigger";

export const POST = restRoute(triggerCampaignBatchOp);
