import { seededRandom, type TRandom } from "./demo-random";
import type { TDemoProfile } from "./demo-profiles";

const SEED = 0xe7e7_2024;
const DAY = 86_400_000;
export const DEMO_EVENT_DAYS = 21;

const PRODUCTS = [
  { id: "sku_1001", name: "Trail Running Shoes", category: "Shoes", price: 129 },
  { id: "sku_1002", name: "City Sneakers", category: "Shoes", price: 89 },
  { id: "sku_2001", name: "Rain Jacket", category: "Outerwear", price: 159 },
  { id: "sku_2002", name: "Down Vest", category: "Outerwear", price: 119 },
  { id: "sku_3001", name: "Merino T-Shirt", category: "Tops", price: 45 },
  { id: "sku_3002", name: "Linen Shirt", category: "Tops", price: 59 },
  { id: "sku_4001", name: "Daypack 20L", category: "Bags", price: 79 },
  { id: "sku_4002", name: "Weekender Duffel", category: "Bags", price: 139 },
  { id: "sku_5001", name: "Insulated Bottle", category: "Accessories", price: 29 },
  { id: "sku_5002", name: "Wool Beanie", category: "Accessories", price: 25 },
] as const;
const PAGES = [["Home", "/"], ["Shoes", "/c/shoes"], ["Outerwear", "/c/outerwear"], ["New Arrivals", "/new"], ["Sale", "/sale"]] as const;

export interface TDemoEvent {
  /** Index of the profile in the demo population. */
  profile: number;
  type: "identify" | "page" | "track";
  name: string | null;
  properties: Record<string, unknown>;
  messageId: string;
  timestamp: Date;
}

/**
 * About three weeks of activity ending at `now`: seven customers in ten come back in
 * sessions of a page view and product views, some add to cart, and some of those buy
 * (`purchase` tracks shaped like the seeded purchase event; most say "thank you"). An
 * active customer's first session starts with an identify call carrying their traits.
 */
export function demoEvents(population: TDemoProfile[], now: Date): TDemoEvent[] {
  const random = seededRandom(SEED);
  const out: TDemoEvent[] = [];
  const push = (e: Omit<TDemoEvent, "messageId">) => out.push({ ...e, messageId: `demo-${String(out.length + 1).padStart(6, "0")}` });
  population.forEach((person, profile) => {
    if (!random.chance(0.7)) return;
    // Sessions start at least an hour before `now`, so none runs past it.
    const until = now.getTime() - 3_600_000;
    const from = Math.min(until, Math.max(now.getTime() - DEMO_EVENT_DAYS * DAY, person.signedUpAt.getTime()));
    const sessions = 1 + Math.floor(random.next() ** 2 * 5);
    const starts = Array.from({ length: sessions }, () => from + random.next() * (until - from)).sort((a, b) => a - b);
    starts.forEach((start, s) => {
      let t = start;
      const at = () => new Date((t += random.int(15, 180) * 1000));
      if (s === 0) push({ profile, type: "identify", name: null, properties: person.attributes, timestamp: new Date(t) });
      const [title, path] = random.pick(PAGES);
      push({ profile, type: "page", name: title, properties: { title, path, url: `https://shop.example.com${path}` }, timestamp: at() });
      const viewed = Array.from({ length: random.weighted([[1, 5], [2, 3], [3, 2]] as const) }, () => random.pick(PRODUCTS));
      for (const p of viewed) push({ profile, type: "track", name: "Product Viewed", properties: productProps(p), timestamp: at() });
      if (!random.chance(0.3)) return;
      const product = viewed[viewed.length - 1]!;
      push({ profile, type: "track", name: "Added to Cart", properties: { ...productProps(product), quantity: 1 }, timestamp: at() });
      if (random.chance(0.45)) push({ profile, type: "track", name: "purchase", properties: purchaseProps(random, product, out.length, at()), timestamp: new Date(t) });
    });
  });
  return out;
}

function productProps(p: (typeof PRODUCTS)[number]) {
  return { productId: p.id, product: p.name, category: p.category, price: p.price };
}

function purchaseProps(random: TRandom, p: (typeof PRODUCTS)[number], n: number, at: Date) {
  return {
    product: p.name,
    productId: p.id,
    price: p.price,
    purchaseDate: at.toISOString().slice(0, 10),
    purchaseId: `ord_${String(n).padStart(6, "0")}`,
    // Only "thank you" purchases are the seeded business event "purchase".
    purchaseMessage: random.chance(0.85) ? "thank you" : "payment pending",
  };
}
