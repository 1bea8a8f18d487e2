import { serve } from "inngest/next";
import { inngest } from "@/server/workflows/client";
import { functions } from "@/server/workflows/functions";

// Inngest (Dev Server or Cloud) calls this; the embedded executor calls the same handler in-process.
export const { GET, POST, PUT } = serve({ client: inngest, functions });
