import { restRoute } from "@/server/rest/operation";
import { previewTemplateOp } from "@/server/rest/templates";

export const POST = restRoute(previewTemplateOp);
