import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerFor, createTeam } from "@/test/fixtures";
import { renderLiquid, validateLiquid } from "./liquid";

// A probe read the server actions' key with a viewer's preview of
// {% include '.next/server/server-reference-manifest.json' %}, and stalled the process with
// {% for i in (1..5000000) %}. Templates must read no file and stop at their limits.

const FILE_TAGS = [
  "{% include 'package.json' %}",
  "{% render 'package.json' %}",
  "{% include '.git/config' %}",
  "{% render '/etc/passwd' %}",
  "{% layout 'package.json' %}{% block x %}{% endblock %}",
  "{% include profile.path %}",
];

describe("templates read no file", () => {
  it.each(FILE_TAGS)("refuses %s when saved, naming the field", (source) => {
    expect(() => validateLiquid(source, "content.text")).toThrow(/templates cannot load other files/);
    try {
      validateLiquid(source, "content.text");
    } catch (error) {
      expect(error).toMatchObject({ code: "BAD_REQUEST", field: "content.text" });
    }
  });

  it.each(FILE_TAGS)("renders nothing of a file for %s", (source) => {
    for (const mode of ["text", "html"] as const) {
      expect(() => renderLiquid(source, { profile: { path: "package.json" } }, mode)).toThrow(/templates cannot load other files/);
    }
  });

  it("gives a viewer's preview of an include a 400, never the file", async () => {
    const { workspace, users } = await createTeam("Liquid files");
    const caller = callerFor(users.viewer);
    const error = await caller.templates
      .preview({ workspaceId: workspace.id, kind: "sms", content: { text: "{% include 'package.json' %}" } })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(String((error as TRPCError).message)).not.toContain("parcours");
  });
});

describe("templates stop at their limits", () => {
  it("refuses a huge range before looping over it", () => {
    expect(() => renderLiquid("{% for i in (1..5000000) %}{% endfor %}", {})).toThrow(/memory alloc limit exceeded/);
    expect(() => renderLiquid("{% for i in (1..1000000000) %}x{% endfor %}", {}, "html")).toThrow(/limit exceeded/);
  });

  it("stops a render that runs past its time budget", () => {
    const nested = "{% for i in (1..2000) %}{% for j in (1..2000) %}{% endfor %}{% endfor %}";
    expect(() => renderLiquid(nested, {})).toThrow(/template render limit exceeded/);
  });

  it("stops strings that grow without bound", () => {
    const doubling = `{% assign s = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}`;
    expect(() => renderLiquid(doubling, {})).toThrow(/limit exceeded/);
  });

  it("refuses to parse a source past the parse limit", () => {
    expect(() => validateLiquid(`{{ profile.a }}${"x".repeat(1_000_001)}`, "content.html")).toThrow(/parse length limit exceeded/);
  });

  it("still renders the loops real emails use", () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ name: `item ${i}` }));
    const out = renderLiquid("{% for item in context.items %}{{ item.name }};{% endfor %}", { context: { items } });
    expect(out.split(";")).toHaveLength(51);
  });
});
