import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, profiles } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { audienceMemberIds, countAudience } from "./count-audience";
import type { TAttributeRule, TRuleGroup } from "./rules";

const now = new Date("2026-06-01T12:00:00Z");
const and = (...rules: TRuleGroup["rules"]): TRuleGroup => ({ kind: "group", combinator: "and", rules });
const or = (...rules: TRuleGroup["rules"]): TRuleGroup => ({ kind: "group", combinator: "or", rules });
const attr = (key: string, op: TAttributeRule["op"], value?: TAttributeRule["value"], extra: Partial<TAttributeRule> = {}): TAttributeRule => ({ kind: "attribute", key, op, value, ...extra });

async function people() {
  const { workspace } = await createTeam("Audiences");
  const db = await getDb();
  const rows = [
    { name: "ada", attributes: { city: "Seattle", birthYear: 1985, tier: "Gold", email: "ada@x.com", phone: "+1555", signedUpAt: "2026-05-25T10:00:00Z", vip: true } },
    { name: "bob", attributes: { city: "Atlanta", birthYear: 1975, tier: "Gold", email: "bob@x.com", signedUpAt: "2025-01-01T00:00:00Z", vip: false } },
    { name: "cy", attributes: { city: "San Francisco", birthYear: 1999, tier: "Silver", phone: "+1666", signedUpAt: "not a date" } },
    { name: "di", attributes: { city: "Paris", birthYear: "1990", tier: null } },
  ];
  const ids: Record<string, string> = {};
  for (const r of rows) {
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: r.attributes }).returning({ id: profiles.id });
    ids[r.name] = p!.id;
  }
  const track = (who: string, name: string, daysAgo: number, properties: Record<string, unknown> = {}) => ({
    workspaceId: workspace.id, profileId: ids[who]!, type: "track" as const, name, properties, messageId: crypto.randomUUID(), timestamp: new Date(now.getTime() - daysAgo * 86_400_000),
  });
  await db.insert(events).values([track("ada", "purchase", 1, { product: "Shoes" }), track("ada", "purchase", 40, { product: "Hat" }), track("ada", "purchase", 2, { product: "Shoes" }), track("bob", "purchase", 3, { product: "Hat" }), track("cy", "open", 1)]);
  const members = async (rules: TRuleGroup) => {
    const found = new Set(await audienceMemberIds(workspace.id, rules, now));
    return Object.entries(ids).filter(([, id]) => found.has(id)).map(([name]) => name).sort();
  };
  return { workspace, members };
}

describe("audience rules compiled to SQL", () => {
  it("each attribute operator, typed", async () => {
    const { members } = await people();
    expect(await members(and(attr("city", "equals", "Seattle")))).toEqual(["ada"]);
    expect(await members(and(attr("city", "not_equals", "Seattle")))).toEqual(["bob", "cy", "di"]);
    expect(await members(and(attr("city", "one_of", undefined, { values: ["Atlanta", "Paris"] })))).toEqual(["bob", "di"]);
    expect(await members(and(attr("city", "contains", "an")))).toEqual(["bob", "cy"]);
    expect(await members(and(attr("city", "starts_with", "s")))).toEqual(["ada", "cy"]);
    expect(await members(and(attr("birthYear", "gt", 1980)))).toEqual(["ada", "cy"]); // "1990" is a string, not a number
    expect(await members(and(attr("birthYear", "lt", 1980)))).toEqual(["bob"]);
    expect(await members(and(attr("birthYear", "between", 1980, { to: 1990 })))).toEqual(["ada"]);
    expect(await members(and(attr("signedUpAt", "after", "2026-01-01T00:00:00Z")))).toEqual(["ada"]);
    expect(await members(and(attr("signedUpAt", "before", "2026-01-01T00:00:00Z")))).toEqual(["bob"]);
    expect(await members(and(attr("signedUpAt", "within_last_days", 30)))).toEqual(["ada"]);
    expect(await members(and(attr("tier", "exists")))).toEqual(["ada", "bob", "cy"]);
    expect(await members(and(attr("tier", "not_exists")))).toEqual(["di"]);
    expect(await members(and(attr("vip", "equals", true)))).toEqual(["ada"]);
  });

  it("event rules: performed, not performed, at least / at most N, within D days, payload filters", async () => {
    const { members } = await people();
    const ev = (extra: Partial<Extract<TRuleGroup["rules"][number], { kind: "event" }>>) => ({ kind: "event" as const, name: "purchase", performed: true, where: [], ...extra });
    expect(await members(and(ev({})))).toEqual(["ada", "bob"]);
    expect(await members(and(ev({ performed: false })))).toEqual(["cy", "di"]);
    expect(await members(and(ev({ count: { op: "at_least", n: 2 } })))).toEqual(["ada"]);
    expect(await members(and(ev({ count: { op: "at_most", n: 1 } })))).toEqual(["bob", "cy", "di"]);
    expect(await members(and(ev({ withinDays: 30, count: { op: "at_least", n: 3 } })))).toEqual([]);
    expect(await members(and(ev({ where: [{ key: "product", value: "Hat" }], withinDays: 30 })))).toEqual(["bob"]);
  });

  it("the seed audiences, nested groups", async () => {
    const { members, workspace } = await people();
    const seed = and(or(...["Atlanta", "San Francisco", "Seattle"].map((c) => attr("city", "equals", c))), attr("birthYear", "gt", 1980));
    expect(await members(seed)).toEqual(["ada", "cy"]);
    expect(await countAudience(workspace.id, seed, now)).toBe(2);
    const gold = and(attr("tier", "equals", "Gold"), attr("email", "exists"), attr("phone", "exists"));
    expect(await members(gold)).toEqual(["ada"]);
    expect(await members(and())).toEqual(["ada", "bob", "cy", "di"]);
    expect(await members(or())).toEqual([]);
  });
});
