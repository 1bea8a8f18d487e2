import { describe, expect, it } from "vitest";
import { undocumented } from "./rest-client";

describe("the document check of real answers", () => {
  it("refuses a field, a status or a path the document does not describe", () => {
    const workspace = { workspace: { id: "0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69", name: "Acme", slug: "acme" }, key: { kind: "secret", prefix: "pcs_1234" } };
    expect(undocumented("GET", "/api/v1/workspace", 200, workspace)).toBeNull();
    expect(undocumented("GET", "/api/v1/workspace", 200, { ...workspace, secret: "leak" })).toContain("additional properties");
    expect(undocumented("GET", "/api/v1/workspace", 200, { ...workspace, key: { kind: "master", prefix: "x" } })).toContain("allowed values");
    expect(undocumented("GET", "/api/v1/workspace", 202, workspace)).toContain("does not document");
    expect(undocumented("GET", "/api/v1/nothing", 200, {})).toContain("not in the document");
    expect(undocumented("GET", "/api/v1/campaigns/abc", 404, { error: { code: "NOT_FOUND", message: "Campaign not found" } })).toBeNull();
  });
});
