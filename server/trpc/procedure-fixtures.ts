import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { inviteMember } from "@/server/members/invite-member";
import { getDb } from "@/db/client";
import { profiles, wfRuns } from "@/db/schema";
import { addMember } from "@/test/fixtures";

async function profileIn(workspaceId: string) {
  const db = await getDb();
  const [profile] = await db.insert(profiles).values({ workspaceId, attributes: { secret: workspaceId } }).returning({ id: profiles.id });
  return profile!.id;
}

async function definitionIn(workspaceId: string) {
  const { createDefinition } = await import("@/server/events/manage-definitions");
  return (await createDefinition(workspaceId, { name: `d-${crypto.randomUUID().slice(0, 8)}`, trackName: "t" }, cliActor)).id;
}

async function audienceIn(workspaceId: string, kind: "rules" | "list" = "list") {
  const { createAudience } = await import("@/server/audiences/manage-audiences");
  const name = `a-${crypto.randomUUID().slice(0, 8)}`;
  const input = kind === "list" ? { kind, name } : { kind, name, rules: { kind: "group" as const, combinator: "and" as const, rules: [] } };
  return (await createAudience(workspaceId, input, cliActor)).id;
}

const membershipOf = (audienceId: string) => ({ kind: "group", combinator: "and", rules: [{ kind: "membership", audienceId, member: true }] });

async function runIn(workspaceId: string) {
  const db = await getDb();
  const event = { name: "parcours/maintenance.requested", data: { task: "prune-sign-in-failures", workspaceId }, id: crypto.randomUUID(), ts: Date.now() };
  const [run] = await db
    .insert(wfRuns)
    .values({ fnId: "parcours-maintenance.prune-sign-in-failures", status: "running", event, workspaceId, maxAttempts: 1, startedAt: new Date() })
    .returning({ id: wfRuns.id });
  return run!.id;
}

async function uploadIn(workspaceId: string) {
  const { createTestUpload } = await import("@/server/csv-import/test-upload");
  return createTestUpload(workspaceId);
}

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
  "profiles.list": async (workspaceId) => ({ workspaceId }),
  "profiles.attributeKeys": async (workspaceId) => ({ workspaceId }),
  "profiles.get": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "profiles.timeline": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "profiles.export": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "profiles.delete": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "events.definitions": async (workspaceId) => ({ workspaceId }),
  "events.recentMatches": async (workspaceId) => ({ workspaceId, definitionId: await definitionIn(workspaceId) }),
  "events.create": async (workspaceId) => ({ workspaceId, name: `d-${crypto.randomUUID().slice(0, 8)}`, trackName: "Order Completed" }),
  "events.update": async (workspaceId) => ({ workspaceId, definitionId: await definitionIn(workspaceId), name: `d-${crypto.randomUUID().slice(0, 8)}`, trackName: "x" }),
  "events.delete": async (workspaceId) => ({ workspaceId, definitionId: await definitionIn(workspaceId) }),
  "audiences.list": async (workspaceId) => ({ workspaceId }),
  "audiences.get": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId, "rules") }),
  "audiences.preview": async (workspaceId) => ({ workspaceId, rules: membershipOf(await audienceIn(workspaceId)) }),
  "audiences.members": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId) }),
  "audiences.ofProfile": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "audiences.eventNames": async (workspaceId) => ({ workspaceId }),
  "audiences.create": async (workspaceId) => ({ workspaceId, audience: { kind: "rules", name: `a-${crypto.randomUUID().slice(0, 8)}`, rules: membershipOf(await audienceIn(workspaceId)) } }),
  "audiences.update": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId), audience: { kind: "list", name: `a-${crypto.randomUUID().slice(0, 8)}` } }),
  "audiences.delete": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId) }),
  "audiences.addMembers": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId), profiles: [await profileIn(workspaceId)] }),
  "audiences.removeMembers": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId), profiles: [await profileIn(workspaceId)] }),
  "csvImports.list": async (workspaceId) => ({ workspaceId }),
  "csvImports.get": async (workspaceId) => ({ workspaceId, importId: (await uploadIn(workspaceId)).id }),
  "csvImports.errors": async (workspaceId) => ({ workspaceId, importId: (await uploadIn(workspaceId)).id }),
  "csvImports.preview": async (workspaceId) => ({ workspaceId, importId: (await uploadIn(workspaceId)).id }),
  "csvImports.start": async (workspaceId) => ({
    workspaceId,
    importId: (await uploadIn(workspaceId)).id,
    listName: `Imported ${crypto.randomUUID().slice(0, 8)}`,
    mapping: [{ column: 0, header: "email", role: "identity", namespace: "email" }],
  }),
  "runs.list": async (workspaceId) => ({ workspaceId }),
  "runs.stats": async (workspaceId) => ({ workspaceId }),
  "runs.functions": async (workspaceId) => ({ workspaceId }),
  "runs.get": async (workspaceId) => ({ workspaceId, runId: await runIn(workspaceId) }),
  "runs.cancel": async (workspaceId) => ({ workspaceId, runId: await runIn(workspaceId) }),
  "runs.retry": async (workspaceId) => ({ workspaceId, runId: await runIn(workspaceId) }),
  "runs.runMaintenance": async (workspaceId) => ({ workspaceId, task: "prune-sign-in-failures" }),
};
