import type { Metadata } from "next";
import { MessageDetail } from "@/components/messages/message-detail";

export const metadata: Metadata = { title: "Message" };

export default async function MessagePage({ params }: { params: Promise<{ messageId: string }> }) {
  const { messageId } = await params;
  return <MessageDetail messageId={messageId} />;
}
