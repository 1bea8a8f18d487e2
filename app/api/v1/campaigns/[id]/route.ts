import { restRoute } from "@/server/rest/operation";
import { getCampaignOp } from "@/server/rest/campaigns";

export const GET = restRoute(getCampaignOp);
