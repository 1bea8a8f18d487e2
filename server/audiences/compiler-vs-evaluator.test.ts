import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { audienceMembers, audiences, events, indexedAttributes, profiles } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { audienceMemberIds } from "./count-audience";
import { requestIndexBuild } from "./indexed-attributes/build-attribute-indexes";
import { loadIndexedColumns } from "./indexed-attributes/indexed-columns";
import { evaluateRules, type TProfileFacts } from "./evaluate-rules";
import { ATTRIBUTE_OPS, type TAttributeRule, type TAudienceRef, type TAudienceRefs, type TEventRule, type TMembershipRule, type TRule, type TRuleGroup } from "./rules";

const now = new Date("2026-06-01T12:00:00Z");
const CITIES = ["Atlanta", "Seattle", "San Francisco", "Paris", "seattle"];
const TIERS = ["Gold", "Silver", "Bronze"];
const DAY = 86_400_000;
const isoDay = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();

// A population with the awkward cases: missing keys, nulls, numbers stored as strings, bad dates.
const arbAttributes = fc.record(
  {
    city: fc.constantFrom(...CITIES),
    birthYear: fc.oneof(fc.integer({ min: 1950, max: 2010 }), fc.integer({ min: 1950, max: 2010 }).map(String), fc.constant(null)),
    tier: fc.constantFrom(...TIERS, null),
    vip: fc.boolean(),
    signedUpAt: fc.oneof(fc.integer({ min: 0, max: 400 }).map(isoDay), fc.constant("soon")),
  },
  { requiredKeys: [] },
);
const arbEvents = fc.array(
  fc.record({ name: fc.constantFrom("purchase", "open"), daysAgo: fc.integer({ min: 0, max: 60 }), product: fc.constantFrom("Shoes", "Hat") }),
  { maxLength: 5 },
);

const arbAttributeRule: fc.Arbitrary<TAttributeRule> = fc.oneof(
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constant("city"), op: fc.constantFrom("equals", "not_equals", "contains", "starts_with" as const), value: fc.constantFrom(...CITIES, "at", "sea") }),
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constant("city"), op: fc.constant("one_of" as const), values: fc.subarray(CITIES, { minLength: 1 }) }),
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constant("birthYear"), op: fc.constantFrom("gt", "lt", "equals", "not_equals" as const), value: fc.integer({ min: 1950, max: 2010 }) }),
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constant("birthYear"), op: fc.constant("between" as const), value: fc.integer({ min: 1950, max: 1980 }), to: fc.integer({ min: 1980, max: 2010 }) }),
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constantFrom("tier", "birthYear", "vip", "missing"), op: fc.constantFrom("exists", "not_exists" as const) }),
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constant("vip"), op: fc.constantFrom("equals", "not_equals" as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constant("signedUpAt"), op: fc.constantFrom("before", "after" as const), value: fc.integer({ min: 0, max: 400 }).map(isoDay) }),
  fc.record({ kind: fc.constant("attribute" as const), key: fc.constant("signedUpAt"), op: fc.constant("within_last_days" as const), value: fc.integer({ min: 1, max: 400 }) }),
);
const arbEventRule: fc.Arbitrary<TEventRule> = fc.record({
  kind: fc.constant("event" as const),
  name: fc.constantFrom("purchase", "open"),
  performed: fc.boolean(),
  count: fc.option(fc.record({ op: fc.constantFrom("at_least", "at_most" as const), n: fc.integer({ min: 0, max: 4 }) }), { nil: undefined }),
  withinDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  where: fc.oneof(
    fc.constant<TEventRule["where"]>([]),
    fc.constantFrom("Shoes", "Hat").map((p): TEventRule["where"] => [{ key: "product", value: p }]),
  ),
});
// Membership of a static list and of a saved rules audience, created in the test below.
const LIST_ID = "00000000-0000-4000-8000-00000000000a";
const VIP_AUDIENCE_ID = "00000000-0000-4000-8000-00000000000b";
const VIP_RULES: TRuleGroup = { kind: "group", combinator: "and", rules: [{ kind: "attribute", key: "vip", op: "equals", value: true }] };
const arbMembershipRule: fc.Arbitrary<TMembershipRule> = fc.record({ kind: fc.constant("membership" as const), audienceId: fc.constantFrom(LIST_ID, VIP_AUDIENCE_ID), member: fc.boolean() });

const arbGroup: fc.Arbitrary<TRuleGroup> = fc.letrec<{ group: TRuleGroup; rule: TRule }>((tie) => ({
  group: fc.record({ kind: fc.constant("group" as const), combinator: fc.constantFrom("and", "or" as const), rules: fc.array(tie("rule"), { maxLength: 3 }) }),
  rule: fc.oneof({ depthSize: "small", withCrossShrink: true }, arbAttributeRule, arbEventRule, arbMembershipRule, tie("group")),
})).group;

const refs: TAudienceRefs = new Map<string, TAudienceRef>([[LIST_ID, { kind: "list" }], [VIP_AUDIENCE_ID, { kind: "rules", rules: VIP_RULES }]]);
const arbPerson = fc.record({ attributes: arbAttributes, events: arbEvents });
type TPerson = { attributes: Record<string, unknown>; events: { name: string; daysAgo: number; product: string }[] };

async function insertPeople(workspaceId: string, people: TPerson[], facts: Map<string, TProfileFacts>) {
  const db = await getDb();
  for (const generated of people) {
    const person = JSON.parse(JSON.stringify(generated)) as typeof generated; // plain objects for the driver
    const [p] = await db.insert(profiles).values({ workspaceId, attributes: person.attributes }).returning({ id: profiles.id });
    const evs = person.events.map((e) => ({ name: e.name, timestamp: new Date(now.getTime() - e.daysAgo * DAY - 1000), properties: { product: e.product } }));
    if (evs.length) {
      await db.insert(events).values(evs.map((e) => ({ workspaceId, profileId: p!.id, type: "track" as const, messageId: crypto.randomUUID(), ...e })));
    }
    const inList = facts.size % 3 === 0;
    if (inList) await db.insert(audienceMembers).values({ audienceId: LIST_ID, profileId: p!.id, workspaceId });
    facts.set(p!.id, { attributes: person.attributes, events: evs, lists: inList ? [LIST_ID] : [] });
  }
}

async function expectAgreement(workspaceId: string, facts: Map<string, TProfileFacts>) {
  await fc.assert(
    fc.asyncProperty(arbGroup, async (rules) => {
      rules = JSON.parse(JSON.stringify(rules)) as TRuleGroup;
      const sqlMembers = (await audienceMemberIds(workspaceId, rules, now)).sort();
      const tsMembers = [...facts].filter(([, f]) => evaluateRules(rules, f, now, refs)).map(([id]) => id).sort();
      expect(sqlMembers).toEqual(tsMembers);
    }),
    { numRuns: 150, seed: 7 },
  );
}

describe("SQL compiler agrees with the in-memory evaluator", () => {
  let workspaceId: string;
  const facts = new Map<string, TProfileFacts>();

  it("on random rules over a random population", async () => {
    expect(ATTRIBUTE_OPS.length).toBe(13);
    workspaceId = (await createTeam("Random audiences")).workspace.id;
    await (await getDb()).insert(audiences).values([
      { id: LIST_ID, workspaceId, name: "Random list", kind: "list" },
      { id: VIP_AUDIENCE_ID, workspaceId, name: "VIPs", kind: "rules", rules: VIP_RULES },
    ]);
    await insertPeople(workspaceId, fc.sample(arbPerson, { numRuns: 40, seed: 42 }), facts);
    await expectAgreement(workspaceId, facts);
  }, 120_000);

  // After the test above, on its population: from here on counts read the typed columns.
  it("with city, tier and birthYear (as a number and as a string) indexed: rows backfilled, inserted, updated", async () => {
    const db = await getDb();
    const entries = [{ key: "city", type: "string" }, { key: "tier", type: "string" }, { key: "birthYear", type: "number" }, { key: "birthYear", type: "string" }] as const;
    await db.insert(indexedAttributes).values(entries.map((e) => ({ ...e, requestedBy: "test" })));
    await requestIndexBuild();
    expect((await db.select({ status: indexedAttributes.status }).from(indexedAttributes)).map((r) => r.status)).toEqual(["ready", "ready", "ready", "ready"]);
    expect((await loadIndexedColumns(db)).get("birthYear")).toEqual({ number: expect.any(String), string: expect.any(String) });
    await insertPeople(workspaceId, fc.sample(arbPerson, { numRuns: 20, seed: 43 }), facts);
    const [first] = [...facts.keys()];
    const changed = { city: "Paris", birthYear: "1990", tier: "Gold" };
    await db.update(profiles).set({ attributes: changed }).where(eq(profiles.id, first!));
    facts.set(first!, { ...facts.get(first!)!, attributes: changed });
    await expectAgreement(workspaceId, facts);
  }, 120_000);
});
