import { z } from "zod";
import { changeListMembers, ZProfileRefs } from "@/server/audiences/change-members";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { defineOperation } from "./operation";
import { actorOf } from "./profile-export";

const ZBody = z.object({ profiles: ZProfileRefs.describe("Profile ids or `<namespace>:<value>` references, 1-1,000") });

function changeMembersOp(change: "add" | "remove") {
  const counted = change === "add" ? "added" : "removed";
  return defineOperation({
    method: change === "add" ? "POST" : "DELETE",
    path: "/api/v1/lists/{id}/members",
    tag: "Audiences",
    summary: change === "add" ? "Add profiles to a static list" : "Remove profiles from a static list",
    description: `Every reference must resolve or nothing changes (404 naming \`profiles.<i>\`). ${change === "add" ? "Adding a member twice is a no-op." : "Removing a non-member is a no-op."}`,
    keys: ["secret"],
    params: z.object({ id: z.uuid("The list id in the URL must be a UUID").describe("The list's id") }),
    body: ZBody,
    bodyLimit: BODY_LIMITS.listMembers,
    bodyName: "ListMembersBody",
    responseName: change === "add" ? "ListMembersAdded" : "ListMembersRemoved",
    response: z.object({ [counted]: z.number().int(), requested: z.number().int() }),
    errors: [400, 404, 413],
    handler: async ({ workspace, key, params, body }) => changeListMembers(workspace.id, params.id, body.profiles, change, actorOf(key)),
  });
}

export const addListMembersOp = changeMembersOp("add");
export const removeListMembersOp = changeMembersOp("remove");
