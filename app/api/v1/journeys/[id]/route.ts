import { restRoute } from "@/server/rest/operation";
import { getJourneyOp } from "@/server/rest/journeys";

export const GET = restRoute(getJourneyOp);
