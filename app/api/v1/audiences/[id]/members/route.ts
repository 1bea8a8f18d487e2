import { restRoute } from "@/server/rest/operation";
import { audienceMembersOp } from "@/server/rest/audiences";

export const GET = restRoute(audienceMembersOp);
