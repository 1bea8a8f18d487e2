import type { Metadata } from "next";
import { MessagesLog } from "@/components/messages/messages-log";

export const metadata: Metadata = { title: "Messages" };

export default function MessagesPage() {
  return <MessagesLog />;
}
