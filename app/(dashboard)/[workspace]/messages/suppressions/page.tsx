import type { Metadata } from "next";
import { SuppressionList } from "@/components/messages/suppression-list";

export const metadata: Metadata = { title: "Suppression list" };

export default function SuppressionsPage() {
  return <SuppressionList />;
}
