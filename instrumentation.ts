export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { recordPeerAddresses } = await import("./server/http/peer-address");
  recordPeerAddresses();
  const { startUp } = await import("./server/setup/start-up");
  await startUp();
}
