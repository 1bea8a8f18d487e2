import { restRoute } from "@/server/rest/operation";
import { addListMembersOp, removeListMembersOp } from "@/server/rest/lists";

export const POST = restRoute(addListMembersOp);
export const DELETE = restRoute(removeListMembersOp);
