import { restRoute } from "@/server/rest/operation";
import { listTemplatesOp } from "@/server/rest/templates";

export const GET = restRoute(listTemplatesOp);
