import { validateLiquid } from "@/server/messaging/liquid";

/**
 * The `context.*` fields a campaign's content uses, so a trigger missing one is refused
 * before anything is sent (400 naming `context.<field>`). A field used only behind a
 * `default` filter is optional.
 */
export function requiredContextFields(content: Record<string, unknown>): string[] {
  const required = new Set<string>();
  for (const text of stringsOf(content)) {
    const optional = new Set([...text.matchAll(/\{\{\s*context\.([\w.]+)\s*\|\s*default\s*:/g)].map((m) => m[1]!));
    for (const variable of validateLiquid(text, "content").variables) {
      if (!variable.startsWith("context.")) continue;
      const field = variable.slice("context.".length);
      if (!optional.has(field)) required.add(field.split(".")[0]!);
    }
  }
  return [...required];
}

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return value.includes("{") ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

/** Per campaign version (content changes only with a new version), so a trigger does not parse its templates again. */
const byVersion = new Map<string, string[]>();

export function requiredContextFieldsOf(campaign: { id: string; version: number; content: Record<string, unknown> }): string[] {
  const key = `${campaign.id}:${campaign.version}`;
  const hit = byVersion.get(key);
  if (hit) return hit;
  if (byVersion.size >= 1000) byVersion.clear();
  const fields = requiredContextFields(campaign.content);
  byVersion.set(key, fields);
  return fields;
}
