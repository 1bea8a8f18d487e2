import { withWorkspace } from "@/server/api-keys/with-workspace";
import { changeSubscriptions, profileSubscriptions } from "@/server/consents/profile-subscriptions";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { readJsonBody } from "@/server/http/read-json-body";
import { resolveProfileRef } from "@/server/profiles/profile-ref";

/** The profile's consents: each channel's general marketing consent and each topic's, with source and time. */
export const GET = withWorkspace(
  async (_req, { workspace, params }) => Response.json(await profileSubscriptions(workspace.id, await resolveProfileRef(workspace.id, params.id ?? ""))),
  { keys: ["secret"] },
);

/** Records consents (source "api"); an opt-in to a double opt-in topic waits for its confirmation email (`pending`). */
export const PUT = withWorkspace(
  async (req, { workspace, params }) => {
    const profileId = await resolveProfileRef(workspace.id, params.id ?? "");
    const { pending } = await changeSubscriptions(workspace.id, profileId, (await readJsonBody(req, BODY_LIMITS.trigger)) as never, "api");
    return Response.json({ ...(await profileSubscriptions(workspace.id, profileId)), pending });
  },
  { keys: ["secret"] },
);
