import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { inviteMember } from "@/server/members/invite-member";
import { addMember } from "@/test/fixtures";

/**
 * For every workspace procedure: a valid input against workspace `workspaceId`, creating
 * whatever entity it acts on. The permission test fails for a procedure missing here.
 */
export const workspaceProcedureInputs: Record<string, (workspaceId: string) => Promise<Record<string, unknown>>> = {
  "workspaces.get": async (workspaceId) => ({ workspaceId }),
  "workspaces.update": async (workspaceId) => ({ workspaceId, name: `Renamed ${crypto.randomUUID().slice(0, 4)}` }),
  "members.list": async (workspaceId) => ({ workspaceId }),
  "members.invite": async (workspaceId) => ({ workspaceId, email: `${crypto.randomUUID()}@example.com`, role: "viewer" }),
  "members.revokeInvite": async (workspaceId) => {
    const { invite } = await inviteMember(workspaceId, { email: `${crypto.randomUUID()}@example.com`, role: "manager" }, cliActor);
    return { workspaceId, inviteId: invite.id };
  },
  "members.changeRole": async (workspaceId) => ({ workspaceId, memberId: (await addMember(workspaceId, "viewer")).member.id, role: "manager" }),
  "members.remove": async (workspaceId) => ({ workspaceId, memberId: (await addMember(workspaceId, "viewer")).member.id }),
  "apiKeys.list": async (workspaceId) => ({ workspaceId }),
  "apiKeys.create": async (workspaceId) => ({ workspaceId, name: "CI key", kind: "secret" }),
  "apiKeys.revoke": async (workspaceId) => ({ workspaceId, keyId: (await createApiKey(workspaceId, { name: "k", kind: "write" }, cliActor)).id }),
  "audit.list": async (workspaceId) => ({ workspaceId }),
  "audit.facets": async (workspaceId) => ({ workspaceId }),
};
