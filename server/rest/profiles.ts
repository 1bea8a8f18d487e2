import { z } from "zod";
import { IDENTITY_NAMESPACES } from "@/db/schema";
import { AppError } from "@/server/errors";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { mergeProfilesOnRequest, updateProfileAttributes } from "@/server/profiles/change-profile";
import { deleteProfile, exportProfile } from "@/server/profiles/gdpr";
import { listProfiles } from "@/server/profiles/list-profiles";
import { resolveProfileRef } from "@/server/profiles/profile-ref";
import { ZJsonObject, ZNullableTimestamp, ZPageQuery, ZProfileRef, ZTimestamp, pageOut, pageSchema } from "./common-schemas";
import { defineOperation } from "./operation";
import { actorOf, ZExport } from "./profile-export";

const ZRefParams = z.object({ id: ZProfileRef });
const ZIdentity = z.object({ namespace: z.enum(IDENTITY_NAMESPACES), value: z.string() });
const ZProfileSummary = z.object({ id: z.uuid(), attributes: ZJsonObject, identities: z.array(ZIdentity), isTest: z.boolean(), updatedAt: ZTimestamp, lastSeenAt: ZNullableTimestamp });

export const listProfilesOp = defineOperation({
  method: "GET",
  path: "/api/v1/profiles",
  tag: "Profiles",
  summary: "List profiles",
  description: "Most recently updated first. `search` finds a text in any identity or attribute (a phone number in any form finds its E.164 identity).",
  keys: ["secret"],
  query: ZPageQuery.extend({ search: z.string().trim().max(200).optional(), test: z.enum(["true"]).optional().describe("`true`: test profiles only") }),
  responseName: "ProfilePage",
  response: pageSchema(ZProfileSummary),
  errors: [400],
  handler: async ({ workspace, query }) => {
    const page = await listProfiles(workspace.id, { search: query.search || undefined, testOnly: query.test === "true", cursor: query.cursor, limit: query.limit });
    return pageOut(page.profiles as z.input<typeof ZProfileSummary>[], page.nextCursor);
  },
});

export const getProfileOp = defineOperation({
  method: "GET",
  path: "/api/v1/profiles/{id}",
  tag: "Profiles",
  summary: "Get a profile: everything held on it (GDPR export)",
  description: "Attributes, identities, every event and the consent changes, as one JSON document.",
  keys: ["secret"],
  params: ZRefParams,
  responseName: "ProfileExport",
  response: ZExport,
  errors: [400, 404],
  handler: async ({ workspace, params }) => exportProfile(workspace.id, await resolveProfileRef(workspace.id, params.id)),
});

export const updateProfileOp = defineOperation({
  method: "PATCH",
  path: "/api/v1/profiles/{id}",
  tag: "Profiles",
  summary: "Update a profile's attributes",
  description: "Each attribute given replaces its value, `null` removes it, the others stay. Identities (email, phone, external id) change through `identify`.",
  keys: ["secret"],
  params: ZRefParams,
  body: z.object({ attributes: ZJsonObject.refine((a) => Object.keys(a).length > 0, "Give at least one attribute") }),
  bodyLimit: BODY_LIMITS.restCall,
  bodyName: "ProfileUpdate",
  responseName: "ProfileAttributes",
  response: z.object({ id: z.uuid(), attributes: ZJsonObject }),
  errors: [400, 404, 413],
  handler: async ({ workspace, key, params, body }) => {
    const id = await resolveProfileRef(workspace.id, params.id);
    return { id, ...(await updateProfileAttributes(workspace.id, id, body.attributes, actorOf(key))) };
  },
});

export const deleteProfileOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/profiles/{id}",
  tag: "Profiles",
  summary: "Delete a profile (GDPR erasure)",
  description: "The profile, its identities and its events are deleted; the audit log keeps no personal data.",
  keys: ["secret"],
  params: ZRefParams,
  responseName: "ProfileDeleted",
  response: z.object({ deleted: z.uuid() }),
  errors: [400, 404],
  handler: async ({ workspace, key, params }) => {
    const id = await resolveProfileRef(workspace.id, params.id);
    await deleteProfile(workspace.id, id, actorOf(key));
    return { deleted: id };
  },
});

export const mergeProfileOp = defineOperation({
  method: "POST",
  path: "/api/v1/profiles/{id}/merge",
  tag: "Profiles",
  summary: "Merge another profile into this one",
  description: "`from`'s events, messages, identities and list memberships move to `{id}`; attributes merge (`{id}`'s values win); `from` is deleted.",
  keys: ["secret"],
  params: ZRefParams,
  body: z.object({ from: ZProfileRef }),
  bodyLimit: BODY_LIMITS.restCall,
  bodyName: "ProfileMerge",
  responseName: "ProfileMerged",
  response: z.object({ merged: z.uuid(), into: z.uuid() }),
  errors: [400, 404, 413],
  handler: async ({ workspace, key, params, body }) => {
    const into = await resolveProfileRef(workspace.id, params.id);
    const from = await resolveProfileRef(workspace.id, body.from).catch((error: unknown) => {
      throw error instanceof AppError ? new AppError(error.code, error.message, "from") : error;
    });
    return mergeProfilesOnRequest(workspace.id, from, into, actorOf(key));
  },
});
