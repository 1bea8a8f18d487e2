import { z } from "zod";
import { withWorkspace } from "@/server/api-keys/with-workspace";
import { changeListMembers, ZProfileRefs } from "@/server/audiences/change-members";
import { AppError } from "@/server/errors";

const ZBody = z.object({ profiles: ZProfileRefs });
const ZListId = z.uuid();

async function bodyOf(req: Request) {
  try {
    return ZBody.parse(await req.json());
  } catch (error) {
    if (error instanceof SyntaxError) throw new AppError("BAD_REQUEST", "The body must be JSON: { \"profiles\": [\"<profile id>\" | \"email:ada@example.com\" | \"external_id:42\"] }", "body");
    throw error;
  }
}

function handler(change: "add" | "remove") {
  return withWorkspace(
    async (req, { workspace, key, params }) => {
      const listId = ZListId.safeParse(params.id);
      if (!listId.success) throw new AppError("BAD_REQUEST", "The list id in the URL must be a UUID", "id");
      const { profiles } = await bodyOf(req);
      return Response.json(await changeListMembers(workspace.id, listId.data, profiles, change, { userId: null, label: `api key ${key.prefix}` }));
    },
    { keys: ["secret"] },
  );
}

/** Adds profiles (by id or `<namespace>:<value>`) to a static list. */
export const POST = handler("add");

/** Removes profiles from a static list. */
export const DELETE = handler("remove");
