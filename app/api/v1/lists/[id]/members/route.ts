import { z } from "zod";
import { withWorkspace } from "@/server/api-keys/with-workspace";
import { changeListMembers, ZProfileRefs } from "@/server/audiences/change-members";
import { AppError } from "@/server/errors";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { readJsonBody } from "@/server/http/read-json-body";
import { isUuid } from "@/server/ids";

const ZBody = z.object({ profiles: ZProfileRefs });

function handler(change: "add" | "remove") {
  return withWorkspace(
    async (req, { workspace, key, params }) => {
      if (!isUuid(params.id)) throw new AppError("BAD_REQUEST", "The list id in the URL must be a UUID", "id");
      const { profiles } = ZBody.parse(await readJsonBody(req, BODY_LIMITS.listMembers));
      return Response.json(await changeListMembers(workspace.id, params.id!, profiles, change, { userId: null, label: `api key ${key.prefix}` }));
    },
    { keys: ["secret"] },
  );
}

/** Adds profiles (by id or `<namespace>:<value>`) to a static list. */
export const POST = handler("add");

/** Removes profiles from a static list. */
export const DELETE = handler("remove");
