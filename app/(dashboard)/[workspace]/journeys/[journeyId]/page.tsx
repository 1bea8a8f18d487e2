import type { Metadata } from "next";
import { JourneyEditorPage } from "@/components/journeys/journey-editor-page";
import { currentUser } from "@/server/auth/config";

export const metadata: Metadata = { title: "Journey" };

export default async function JourneyPage({ params }: { params: Promise<{ journeyId: string }> }) {
  const { journeyId } = await params;
  const user = await currentUser();
  return <JourneyEditorPage journeyId={journeyId} viewerId={user?.id ?? null} />;
}
