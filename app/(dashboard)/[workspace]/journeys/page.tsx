import type { Metadata } from "next";
import { JourneysList } from "@/components/journeys/journeys-list";

export const metadata: Metadata = { title: "Journeys" };

export default function JourneysPage() {
  return <JourneysList />;
}
