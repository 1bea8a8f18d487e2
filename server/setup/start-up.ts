import { getDbHandle } from "@/db/client";
import { requestIndexBuild } from "@/server/audiences/indexed-attributes/build-attribute-indexes";
import { usePlainProcessEnv } from "@/server/workflows/embedded/plain-env";
import { workflowMode } from "@/server/workflows/mode";
import { boundHeapGrowth } from "./heap-growth";
import { seedDemo } from "./seed-demo";

/**
 * Runs once per server process: opens and migrates the database, and in the embedded demo
 * (development, or PARCOURS_SEED_DEMO=1) seeds an empty database and prints the sign-in.
 */
export async function startUp(): Promise<void> {
  usePlainProcessEnv();
  boundHeapGrowth();
  const handle = await getDbHandle();
  // An attribute index cut short by a restart is finished in the background.
  void requestIndexBuild();
  if (workflowMode() === "embedded") {
    const { startWebExecutor } = await import("@/server/workflows/worker/start-web-executor");
    await startWebExecutor();
  }
  const seed = process.env.PARCOURS_SEED_DEMO ? process.env.PARCOURS_SEED_DEMO === "1" : process.env.NODE_ENV !== "production";
  if (!seed) return;
  const { created, signIn } = await seedDemo();
  if (!signIn) return;
  // A development demo has one person, who runs the instance too: without it, what only
  // operators may do (indexed attributes) could not be tried. Production names them itself.
  const demoOperator = process.env.NODE_ENV !== "production" && !process.env.PARCOURS_OPERATORS;
  if (demoOperator) process.env.PARCOURS_OPERATORS = signIn.email;
  const port = process.env.PORT ?? "3000";
  const lines = [
    created ? "Parcours: created the Demo workspace." : "Parcours: demo workspace ready.",
    `  Open     http://localhost:${port}/sign-in`,
    `  Email    ${signIn.email}`,
    `  Password ${signIn.password}`,
    `  Database ${handle.driver === "pglite" ? "embedded (PGlite)" : "PostgreSQL"}`,
    `  Workflows ${workflowMode() === "embedded" ? "embedded executor" : "Inngest server"}`,
    ...(demoOperator ? [`  Operator ${signIn.email} (PARCOURS_OPERATORS was unset)`] : []),
  ];
  console.log(`\n${lines.join("\n")}\n`);
}
