import type { TRuleGroup } from "@/server/audiences/rules";
import type { TDemoProfile } from "./demo-profiles";

/**
 * The seeds' two audiences, saved as rules audiences in the demo workspace. `size` is their
 * member count in the (deterministic) demo population, which tests assert.
 */
export const DEMO_RULE_AUDIENCES: { name: string; description: string; size: number; rules: TRuleGroup }[] = [
  {
    name: "Atlanta, San Francisco or Seattle, born after 1980",
    description: "Customers in the three seed cities born in 1981 or later.",
    size: 1335,
    rules: {
      kind: "group",
      combinator: "and",
      rules: [
        { kind: "attribute", key: "city", op: "one_of", values: ["Atlanta", "San Francisco", "Seattle"] },
        { kind: "attribute", key: "birthYear", op: "gt", value: 1980 },
      ],
    },
  },
  {
    name: "Gold members with email and mobile phone",
    description: "Gold loyalty members reachable by email and by SMS.",
    size: 734,
    rules: {
      kind: "group",
      combinator: "and",
      rules: [
        { kind: "attribute", key: "loyaltyTier", op: "equals", value: "Gold" },
        { kind: "attribute", key: "email", op: "exists" },
        { kind: "attribute", key: "phone", op: "exists" },
      ],
    },
  },
];

export const DEMO_LIST = { name: "VIP customers", description: "Hand-picked customers for early access and events." };
export const DEMO_LIST_SIZE = 50;

/** The list's members (indexes in the population): 50 Gold members spread over it. */
export function demoListMembers(population: TDemoProfile[]): number[] {
  const gold = population.flatMap((p, i) => (p.attributes.loyaltyTier === "Gold" ? [i] : []));
  const step = Math.max(1, Math.floor(gold.length / DEMO_LIST_SIZE));
  return gold.filter((_, n) => n % step === 0).slice(0, DEMO_LIST_SIZE);
}
