import { restRoute } from "@/server/rest/operation";
import { listJourneysOp } from "@/server/rest/journeys";

export const GET = restRoute(listJourneysOp);
