import type { Metadata } from "next";
import { DevInbox } from "@/components/messages/dev-inbox";

export const metadata: Metadata = { title: "Dev inbox" };

export default function DevInboxPage() {
  return <DevInbox />;
}
