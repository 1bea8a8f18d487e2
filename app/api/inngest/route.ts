import { serveApp } from "@/server/workflows/serve";

// Inngest (Dev Server or Cloud) calls this, or a separate embedded worker; the embedded
// executor calls the same handler in-process. Embedded, only signed requests get through.
export const { GET, POST, PUT } = serveApp();
