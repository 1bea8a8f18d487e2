import type { Metadata } from "next";
import { ProfilesList } from "@/components/profiles/profiles-list";

export const metadata: Metadata = { title: "Profiles" };

export default function ProfilesPage() {
  return <ProfilesList />;
}
