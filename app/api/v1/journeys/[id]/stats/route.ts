import { restRoute } from "@/server/rest/operation";
import { journeyStatsOp } from "@/server/rest/journeys";

export const GET = restRoute(journeyStatsOp);
