import { getDb } from "@/db/client";
import { AppError } from "@/server/errors";
import { IDENTITY_NAMESPACES } from "@/db/schema";
import { isUuid } from "@/server/ids";
import { findProfileId } from "./get-profile";
import { phoneCountryOf } from "./phone-country";
import { isE164, normalizePhone } from "./phone-number";


/**
 * A profile reference: its id, or `<namespace>:<value>` such as `external_id:42` or
 * `email:ada@example.com`. Taken as given: the router has already decoded a path parameter.
 * A phone is looked up in E.164, as stored: `phone:(555) 060-0099` finds +15550600099.
 */
export async function resolveProfileRef(workspaceId: string, ref: string): Promise<string> {
  if (isUuid(ref)) return ref;
  const colon = ref.indexOf(":");
  const namespace = ref.slice(0, colon);
  if (colon < 1 || !(IDENTITY_NAMESPACES as readonly string[]).includes(namespace)) {
    throw new AppError("BAD_REQUEST", `id must be a profile id or <namespace>:<value> with namespace one of ${IDENTITY_NAMESPACES.join(", ")}`, "id");
  }
  const value = ref.slice(colon + 1);
  const id = await findProfileId(workspaceId, namespace, await storedForm(workspaceId, namespace, value));
  if (!id) throw new AppError("NOT_FOUND", "Profile not found");
  return id;
}

async function storedForm(workspaceId: string, namespace: string, value: string): Promise<string> {
  if (namespace === "email") return value.toLowerCase();
  if (namespace !== "phone" || isE164(value)) return value;
  return normalizePhone(value, await phoneCountryOf(await getDb(), workspaceId));
}
