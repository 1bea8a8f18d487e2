import { restRoute } from "@/server/rest/operation";
import { listAudiencesOp } from "@/server/rest/audiences";

export const GET = restRoute(listAudiencesOp);
