import type { Metadata } from "next";
import { DefinitionsView } from "@/components/events/definitions-view";

export const metadata: Metadata = { title: "Events" };

export default function EventsPage() {
  return <DefinitionsView />;
}
