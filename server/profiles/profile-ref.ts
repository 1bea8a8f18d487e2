import { AppError } from "@/server/errors";
import { IDENTITY_NAMESPACES } from "@/db/schema";
import { isUuid } from "@/server/ids";
import { findProfileId } from "./get-profile";


/** A profile reference in a URL: its id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com`. */
export async function resolveProfileRef(workspaceId: string, ref: string): Promise<string> {
  const decoded = decodeURIComponent(ref);
  if (isUuid(decoded)) return decoded;
  const colon = decoded.indexOf(":");
  const namespace = decoded.slice(0, colon);
  if (colon < 1 || !(IDENTITY_NAMESPACES as readonly string[]).includes(namespace)) {
    throw new AppError("BAD_REQUEST", `id must be a profile id or <namespace>:<value> with namespace one of ${IDENTITY_NAMESPACES.join(", ")}`, "id");
  }
  const value = decoded.slice(colon + 1);
  const id = await findProfileId(workspaceId, namespace, namespace === "email" ? value.toLowerCase() : value);
  if (!id) throw new AppError("NOT_FOUND", "Profile not found");
  return id;
}
