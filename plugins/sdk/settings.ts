import { z } from "zod";

// Settings schemas are plain zod objects. A field made with secret() is encrypted at rest
// and masked in the UI; fieldsOf() describes the schema for the generated form.

const SECRET = "parcours.secret";

export function secret(label?: string) {
  return z.string().min(1, `${label ?? "This secret"} is required`).meta({ [SECRET]: true, ...(label ? { title: label } : {}) });
}

export function isSecret(schema: z.ZodType): boolean {
  return Boolean((schema.meta() as Record<string, unknown> | undefined)?.[SECRET]);
}

export type TSettingsField = {
  key: string;
  label: string;
  description?: string;
  type: "string" | "number" | "boolean" | "enum" | "text";
  options?: string[];
  required: boolean;
  secret: boolean;
  placeholder?: string;
};

/** The form fields of a settings schema, in declaration order. */
export function fieldsOf(schema: z.ZodObject): TSettingsField[] {
  return Object.entries(schema.shape).map(([key, raw]) => {
    const field = raw as z.ZodType;
    const required = !field.safeParse(undefined).success;
    const inner = unwrap(field);
    const meta = { ...(inner.meta() ?? {}), ...(field.meta() ?? {}) } as { title?: string; description?: string; placeholder?: string; multiline?: boolean };
    const type = inner instanceof z.ZodNumber ? "number" : inner instanceof z.ZodBoolean ? "boolean" : inner instanceof z.ZodEnum ? "enum" : meta.multiline ? "text" : "string";
    return {
      key,
      label: meta.title ?? key,
      description: meta.description ?? field.description,
      type,
      options: inner instanceof z.ZodEnum ? (inner.options as string[]) : undefined,
      required,
      secret: isSecret(field) || isSecret(inner),
      placeholder: meta.placeholder,
    };
  });
}

export function secretKeysOf(schema: z.ZodObject): string[] {
  return fieldsOf(schema).filter((f) => f.secret).map((f) => f.key);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}
