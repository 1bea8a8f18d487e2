import { seededRandom } from "./demo-random";

export const DEMO_PROFILE_COUNT = 10_000;
const SEED = 0x5eed_2024;
const DAY = 86_400_000;

// The three seed cities (Atlanta, San Francisco, Seattle) are 30% of the population.
export const DEMO_CITIES = [
  { city: "Atlanta", weight: 10, timezone: "America/New_York", area: "404" },
  { city: "San Francisco", weight: 11, timezone: "America/Los_Angeles", area: "415" },
  { city: "Seattle", weight: 9, timezone: "America/Los_Angeles", area: "206" },
  { city: "New York", weight: 16, timezone: "America/New_York", area: "212" },
  { city: "Chicago", weight: 11, timezone: "America/Chicago", area: "312" },
  { city: "Austin", weight: 9, timezone: "America/Chicago", area: "512" },
  { city: "Boston", weight: 9, timezone: "America/New_York", area: "617" },
  { city: "Denver", weight: 8, timezone: "America/Denver", area: "303" },
  { city: "Miami", weight: 8, timezone: "America/New_York", area: "305" },
  { city: "Portland", weight: 9, timezone: "America/Los_Angeles", area: "503" },
] as const;

const FIRST_NAMES = [
  "Ada", "Alex", "Amara", "Ben", "Camila", "Chen", "Daniel", "Diego", "Elena", "Emma", "Fatima", "Grace", "Hannah", "Hiro", "Isaac",
  "Jamal", "Julia", "Kofi", "Laura", "Leo", "Maya", "Mateo", "Nadia", "Noah", "Olivia", "Omar", "Priya", "Ravi", "Sofia", "Sam",
  "Tara", "Theo", "Uma", "Victor", "Wei", "Yara", "Zoe",
];
const LAST_NAMES = [
  "Adams", "Baker", "Brown", "Campbell", "Chen", "Clark", "Davis", "Diaz", "Evans", "Garcia", "Green", "Hall", "Harris", "Jackson",
  "Johnson", "Kim", "Lee", "Lopez", "Martin", "Miller", "Moore", "Nguyen", "Okafor", "Patel", "Perez", "Reed", "Robinson", "Santos",
  "Scott", "Smith", "Taylor", "Thomas", "Walker", "Williams", "Wright", "Young",
];
const DOMAINS = ["example.com", "example.net", "example.org"];
const TIERS = [["Gold", 12], ["Silver", 20], ["Bronze", 28], [null, 40]] as const;

export interface TDemoProfile {
  externalId: string;
  email: string | null;
  phone: string | null;
  timezone: string;
  signedUpAt: Date;
  attributes: Record<string, string | number | boolean>;
}

/**
 * The demo population: 10,000 US customers with names, cities, birth years, loyalty tiers,
 * and an email (90%) and a phone (70%). Attributes never depend on `now`; only the sign-up
 * date is placed relative to it (within the last two years).
 */
export function demoProfiles(now: Date, count = DEMO_PROFILE_COUNT): TDemoProfile[] {
  const random = seededRandom(SEED);
  const out: TDemoProfile[] = [];
  for (let i = 1; i <= count; i++) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const home = random.weighted(DEMO_CITIES.map((c) => [c, c.weight] as const));
    // Two uniform draws: most customers are born between the 1970s and the 1990s.
    const birthYear = 1950 + Math.floor(((random.next() + random.next()) / 2) * 59);
    const email = random.chance(0.9) ? `${firstName}.${lastName}.${i}@${random.pick(DOMAINS)}`.toLowerCase() : null;
    // Unique per profile: the 4 digits are the profile number (0001-9999, then 0000).
    const phone = random.chance(0.7) ? `+1${home.area}555${String(i % 10_000).padStart(4, "0")}` : null;
    const tier = random.weighted(TIERS);
    const signedUpAt = new Date(now.getTime() - Math.floor(random.next() * 730 * DAY));
    const attributes: TDemoProfile["attributes"] = { firstName, lastName, city: home.city, country: "US", birthYear };
    if (random.chance(0.5)) attributes.birthDate = `${birthYear}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
    if (email) attributes.email = email;
    if (phone) attributes.phone = phone;
    if (tier) attributes.loyaltyTier = tier;
    attributes.hasMobileApp = random.chance(phone ? 0.45 : 0.1);
    attributes.signedUpAt = signedUpAt.toISOString().slice(0, 10);
    out.push({ externalId: `user_${String(i).padStart(5, "0")}`, email, phone, timezone: home.timezone, signedUpAt, attributes });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");
