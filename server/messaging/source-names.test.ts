import { describe, expect, it } from "vitest";
import { cliActor } from "@/server/audit/actor";
import { createJourney } from "@/server/journeys/manage-journeys";
import { createTeam } from "@/test/fixtures";
import { withSourceNames } from "./source-names";

describe("withSourceNames", () => {
  it("names the journeys behind messages, in the workspace only", async () => {
    const a = (await createTeam(`Names A ${crypto.randomUUID().slice(0, 4)}`)).workspace.id;
    const b = (await createTeam(`Names B ${crypto.randomUUID().slice(0, 4)}`)).workspace.id;
    const mine = await createJourney(a, { name: "Welcome series" }, cliActor);
    const theirs = await createJourney(b, { name: "Not yours" }, cliActor);
    const rows = [
      { sourceType: "journey", sourceId: mine.id, n: 1 },
      { sourceType: "journey", sourceId: theirs.id, n: 2 },
      { sourceType: "campaign", sourceId: "not-a-uuid", n: 3 },
      { sourceType: "test", sourceId: null, n: 4 },
    ];
    expect((await withSourceNames(a, rows)).map((r) => [r.n, r.sourceName])).toEqual([[1, "Welcome series"], [2, null], [3, null], [4, null]]);
  });
});
