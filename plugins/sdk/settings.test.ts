import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldsOf, isSecret, secret, secretKeysOf } from "./settings";

const schema = z.object({
  host: z.string().min(1).meta({ title: "Host", placeholder: "smtp.example.com" }),
  port: z.number().int().default(587),
  secure: z.boolean().optional(),
  mode: z.enum(["live", "test"]).describe("Which environment"),
  apiKey: secret("API key"),
  password: secret("Password").optional(),
  notes: z.string().optional().meta({ title: "Notes", multiline: true }),
  token: secret("Token").refine((v) => v.startsWith("t_"), "Starts with t_"),
});

describe("settings", () => {
  it("describes each field for the generated form, in declaration order", () => {
    expect(fieldsOf(schema)).toEqual([
      { key: "host", label: "Host", description: undefined, type: "string", options: undefined, required: true, secret: false, placeholder: "smtp.example.com" },
      { key: "port", label: "port", description: undefined, type: "number", options: undefined, required: false, secret: false, placeholder: undefined },
      { key: "secure", label: "secure", description: undefined, type: "boolean", options: undefined, required: false, secret: false, placeholder: undefined },
      { key: "mode", label: "mode", description: "Which environment", type: "enum", options: ["live", "test"], required: true, secret: false, placeholder: undefined },
      { key: "apiKey", label: "API key", description: undefined, type: "string", options: undefined, required: true, secret: true, placeholder: undefined },
      { key: "password", label: "Password", description: undefined, type: "string", options: undefined, required: false, secret: true, placeholder: undefined },
      { key: "notes", label: "Notes", description: undefined, type: "text", options: undefined, required: false, secret: false, placeholder: undefined },
      { key: "token", label: "Token", description: undefined, type: "string", options: undefined, required: true, secret: true, placeholder: undefined },
    ]);
  });

  it("finds secrets through optional and refined fields", () => {
    expect(secretKeysOf(schema)).toEqual(["apiKey", "password", "token"]);
    expect(isSecret(schema.shape.host)).toBe(false);
  });

  it("refuses an empty secret, naming it", () => {
    const result = z.object({ apiKey: secret("API key") }).safeParse({ apiKey: "" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["apiKey"], message: "API key is required" });
  });
});
