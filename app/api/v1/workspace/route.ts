import { restRoute } from "@/server/rest/operation";
import { workspaceOp } from "@/server/rest/workspace";

export const GET = restRoute(workspaceOp);
