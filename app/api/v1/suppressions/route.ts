import { restRoute } from "@/server/rest/operation";
import { addSuppressionOp, listSuppressionsOp, removeSuppressionOp } from "@/server/rest/suppressions";

export const GET = restRoute(listSuppressionsOp);
export const POST = restRoute(addSuppressionOp);
export const DELETE = restRoute(removeSuppressionOp);
