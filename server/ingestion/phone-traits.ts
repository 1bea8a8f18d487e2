import { getDb } from "@/db/client";
import { phoneCountryOf } from "@/server/profiles/phone-country";
import { isE164, normalizePhone } from "@/server/profiles/phone-number";
import type { TCall } from "./schemas";

/**
 * The calls with each identify's `phone` trait in E.164, as the profile's attribute and
 * identity store it. The workspace's default country is read only when a number lacks its
 * country code (most clients send E.164, and ingestion is a hot path).
 */
export async function withE164Phones(workspaceId: string, calls: TCall[]): Promise<TCall[]> {
  if (!calls.some(needsNormalizing)) return calls;
  const country = await phoneCountryOf(await getDb(), workspaceId);
  return calls.map((call) => (call.type === "identify" && needsNormalizing(call) ? { ...call, traits: { ...call.traits, phone: normalizePhone(call.traits!.phone as string, country) } } : call));
}

function needsNormalizing(call: TCall): boolean {
  if (call.type !== "identify") return false;
  const phone = call.traits?.phone;
  return typeof phone === "string" && !isE164(phone);
}
