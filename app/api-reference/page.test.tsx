import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ApiReferencePage from "./page";

describe("/api-reference", () => {
  it("renders every operation with its descriptions' Markdown, never the backticks", () => {
    const html = renderToStaticMarkup(<ApiReferencePage />);
    expect(html.match(/data-testid="api-operation"/g)?.length).toBeGreaterThan(30);
    expect(html).toContain("<code>Idempotency-Key</code>");
    expect(html).toContain("PATCH");
    // Outside the JSON Schemas shown as they are, no Markdown is left raw.
    expect(html.replace(/<pre[^>]*>[\s\S]*?<\/pre>/g, "")).not.toMatch(/`[A-Za-z{<&]/);
  });
});
