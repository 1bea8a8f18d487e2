// How an SMS text is encoded and into how many parts it is split, for the SMS editor.
// GSM-7 (GSM 03.38) packs 160 septets in one SMS, 153 per part of a longer one; its
// extension table characters take two septets (an escape, then the character). Any other
// character switches the whole text to UCS-2: 70 UTF-16 units, 67 per part, so an emoji
// (a surrogate pair) takes two. A two-unit character is never split across parts.

const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

const LIMITS = {
  "GSM-7": { single: 160, multi: 153 },
  "UCS-2": { single: 70, multi: 67 },
} as const;

export type TSmsEncoding = keyof typeof LIMITS;

export interface TSmsSegments {
  encoding: TSmsEncoding;
  /** Length in the encoding's units: septets for GSM-7, UTF-16 units for UCS-2. */
  characters: number;
  segments: number;
  /** Units one part holds: 160/153 (GSM-7), 70/67 (UCS-2). */
  perSegment: number;
  /** Units left in the last part before another one starts. */
  remaining: number;
}

export function smsSegments(text: string): TSmsSegments {
  const chars = Array.from(text); // code points: a surrogate pair stays whole
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENSION.has(c));
  const encoding: TSmsEncoding = gsm ? "GSM-7" : "UCS-2";
  const costs = chars.map((c) => (gsm ? (GSM_EXTENSION.has(c) ? 2 : 1) : c.length));
  const characters = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, multi } = LIMITS[encoding];
  if (characters <= single) return { encoding, characters, segments: characters === 0 ? 0 : 1, perSegment: single, remaining: single - characters };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, characters, segments, perSegment: multi, remaining: multi - used };
}
