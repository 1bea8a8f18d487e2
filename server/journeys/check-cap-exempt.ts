import { AppError } from "@/server/errors";
import type { TJourneyGraph } from "./graph/model";

const exemptIn = (graph: TJourneyGraph) => new Map(graph.nodes.filter((n) => n.type === "message").map((n) => [n.id, n.data?.capExempt === true]));

/**
 * Only an admin marks a message step exempt from frequency caps or takes the mark off: any
 * other save that changes it (a new exempt step, a pasted one, a flipped one) is refused,
 * naming the step. Removing an exempt step is an ordinary edit.
 */
export function assertCapExemptions(before: TJourneyGraph, after: TJourneyGraph, mayExempt: boolean): void {
  if (mayExempt) return;
  const was = exemptIn(before);
  after.nodes.forEach((node, i) => {
    if (node.type !== "message") return;
    const exempt = node.data?.capExempt === true;
    if (exempt !== (was.get(node.id) ?? false)) {
      throw new AppError("FORBIDDEN", `Only an admin can change whether "${node.label ?? node.id}" is exempt from frequency caps`, `graph.nodes.${i}.data.capExempt`);
    }
  });
}
