import { describe, expect, it } from "vitest";
import { activitySentence } from "./activity-sentence";

describe("audit entries as sentences", () => {
  it("names the thing and says what was done, without ids or JSON", () => {
    expect(activitySentence({ action: "campaign.create", entityType: "campaign", diff: {} }, "Spring sale")).toBe("created the campaign “Spring sale”");
    expect(activitySentence({ action: "campaign.submit", entityType: "campaign", diff: {} }, "Spring sale")).toBe("submitted the campaign “Spring sale” for review");
    expect(activitySentence({ action: "journey.test-on", entityType: "journey", diff: {} }, "Welcome")).toBe("turned on test mode for the journey “Welcome”");
    expect(activitySentence({ action: "settings.approval", entityType: "workspace", diff: { approvalRequired: { from: true, to: false } } }, null)).toBe("turned campaign approval off");
    expect(activitySentence({ action: "member.role-change", entityType: "member", diff: { role: { from: "viewer", to: "manager" } } }, "Ada")).toBe("changed the role of “Ada” to manager");
    expect(activitySentence({ action: "widget.frobnicate", entityType: "widget", diff: {} }, null)).toBe("frobnicate the widget");
  });
});
