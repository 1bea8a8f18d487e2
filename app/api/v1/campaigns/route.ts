import { restRoute } from "@/server/rest/operation";
import { listCampaignsOp } from "@/server/rest/campaigns";

export const GET = restRoute(listCampaignsOp);
