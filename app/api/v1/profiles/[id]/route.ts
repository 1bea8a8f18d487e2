import { withWorkspace } from "@/server/api-keys/with-workspace";
import { deleteProfile, exportProfile } from "@/server/profiles/gdpr";
import { resolveProfileRef } from "@/server/profiles/profile-ref";

/** GDPR access: everything held on the profile, as JSON. */
export const GET = withWorkspace(
  async (_req, { workspace, params }) => Response.json(await exportProfile(workspace.id, await resolveProfileRef(workspace.id, params.id ?? ""))),
  { keys: ["secret"] },
);

/** GDPR erasure: the profile, its identities and its events. */
export const DELETE = withWorkspace(
  async (_req, { workspace, key, params }) => {
    const id = await resolveProfileRef(workspace.id, params.id ?? "");
    await deleteProfile(workspace.id, id, { userId: null, label: `api key ${key.prefix}` });
    return Response.json({ deleted: id });
  },
  { keys: ["secret"] },
);
