import type { TEventField } from "@/db/schema/event-definitions";
import { matches } from "@/server/workflows/embedded/expressions";
import { typeOf } from "@/server/profiles/attribute-types";

export interface TDefinitionLike {
  id: string;
  name: string;
  trackName: string;
  fields: TEventField[];
  condition: string | null;
}

export type TDefinitionMatch = { definition: TDefinitionLike } | { error: { path: string; message: string } };

/**
 * The definition a track call is, if any: same track name and a condition that holds over
 * its properties (CEL, properties in scope by name: `purchaseMessage == "thank you"`). A
 * call that matches but breaks the definition's field types is an error naming the field.
 */
export function matchDefinition(definitions: TDefinitionLike[], event: string, properties: Record<string, unknown>): TDefinitionMatch | null {
  for (const definition of definitions) {
    if (definition.trackName !== event) continue;
    if (!matches(definition.condition, { ...properties, properties, event })) continue;
    for (const field of definition.fields) {
      const value = properties[field.name];
      if (value === undefined || value === null) {
        if (field.required) return { error: { path: `properties.${field.name}`, message: `is required by the event "${definition.name}"` } };
        continue;
      }
      const seen = typeOf(value);
      const ok = field.type === "date" ? seen === "date" : field.type === "string" ? seen === "string" || seen === "date" : seen === field.type;
      if (!ok) return { error: { path: `properties.${field.name}`, message: `must be a ${field.type} for the event "${definition.name}"` } };
    }
    return { definition };
  }
  return null;
}
