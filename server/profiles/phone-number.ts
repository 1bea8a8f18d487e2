import { getCountries, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

// Phone numbers are stored and compared in E.164 (+15550600099), whatever form they came in:
// "+1 555-060-0099", "(555) 060-0099" with the workspace's default country, "1-555-060-0099".

export const DEFAULT_PHONE_COUNTRY = "US";
const E164 = /^\+[1-9]\d{6,14}$/;

/** Whether a value is already in E.164 form (what an SMS can be sent to). */
export const isE164 = (value: string | null | undefined): value is string => typeof value === "string" && E164.test(value);

/** A two-letter country libphonenumber knows (US, FR, GB...). */
export const isPhoneCountry = (code: string): code is CountryCode => isSupportedCountry(code);

/** Every country code a workspace may choose as its default. */
export const phoneCountries = (): string[] => getCountries();

/**
 * The number in E.164, read with `country` when it has no country code; null when it cannot be
 * a phone number (too short, too long, letters). A value already in E.164 form is kept as it is,
 * without parsing: what is stored was normalized on the way in, and a send reads many numbers.
 */
export function toE164(raw: string, country: string = DEFAULT_PHONE_COUNTRY): string | null {
  const value = raw.trim();
  if (E164.test(value)) return value;
  if (!/\d/.test(value) || value.length > 40) return null;
  const parsed = parsePhoneNumberFromString(value, isPhoneCountry(country) ? country : DEFAULT_PHONE_COUNTRY);
  return parsed?.isPossible() ? parsed.number : null;
}

/** The number as stored: E.164 when it reads as one, else as given (trimmed), to be reported invalid when an SMS is due. */
export function normalizePhone(raw: string, country?: string): string {
  return toE164(raw, country) ?? raw.trim();
}
