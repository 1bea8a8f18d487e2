import type { TIndexedAttributeType } from "@/db/schema";
import type { TRuleGroup } from "../rules";

export type TIndexSuggestion = { key: string; type: TIndexedAttributeType; audiences: number };

/**
 * Attribute reads that an index would serve in saved rules audiences, by key and type, most
 * used first: numbers compared (gt, lt, between, equal to a number), strings matched.
 */
export function suggestIndexedAttributes(rulesOfAudiences: TRuleGroup[], indexed: { key: string; type: string }[]): TIndexSuggestion[] {
  const counts = new Map<string, TIndexSuggestion>();
  for (const rules of rulesOfAudiences) {
    for (const id of new Set(typedReads(rules))) {
      const [type, key] = [id.slice(0, id.indexOf(":")) as TIndexedAttributeType, id.slice(id.indexOf(":") + 1)];
      if (indexed.some((e) => e.key === key && e.type === type)) continue;
      counts.set(id, { key, type, audiences: (counts.get(id)?.audiences ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.audiences - a.audiences || a.key.localeCompare(b.key));
}

function typedReads(group: TRuleGroup): string[] {
  return group.rules.flatMap((r) => {
    if (r.kind === "group") return typedReads(r);
    if (r.kind !== "attribute") return [];
    if (["gt", "lt", "between"].includes(r.op)) return [`number:${r.key}`];
    if (["contains", "starts_with"].includes(r.op)) return [`string:${r.key}`];
    if (!["equals", "not_equals", "one_of"].includes(r.op)) return [];
    const values = r.op === "one_of" ? (r.values ?? []) : [r.value];
    return values.flatMap((v) => (typeof v === "string" ? [`string:${r.key}`] : typeof v === "number" ? [`number:${r.key}`] : []));
  });
}
