import { z } from "zod";
import { AppError } from "@/server/errors";
import { isE164 } from "@/server/profiles/phone-number";

const ZEmail = z.email();

/**
 * A campaign's seed list as stored: emails (lower-cased) for an email campaign, E.164 numbers
 * (separators dropped) for an SMS one, each once. Push has no address to copy to. A bad entry
 * is a 400 naming `seedAddresses` and the entry.
 */
export function normalizeSeeds(kind: string, raw: string[] | undefined): string[] {
  if (!raw?.length) return [];
  if (kind !== "email" && kind !== "sms") throw new AppError("BAD_REQUEST", "Seed addresses go with email and SMS campaigns", "seedAddresses");
  const out = raw.map((entry) => {
    if (kind === "email") {
      const email = entry.trim().toLowerCase();
      if (!ZEmail.safeParse(email).success) throw new AppError("BAD_REQUEST", `"${entry}" is not an email address`, "seedAddresses");
      return email;
    }
    const phone = entry.replace(/[\s().-]/g, "");
    if (!isE164(phone)) throw new AppError("BAD_REQUEST", `"${entry}" is not a phone number in international format, e.g. +33612345678`, "seedAddresses");
    return phone;
  });
  return [...new Set(out)];
}
