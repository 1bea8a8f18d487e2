import { restRoute } from "@/server/rest/operation";
import { getTemplateOp } from "@/server/rest/templates";

export const GET = restRoute(getTemplateOp);
