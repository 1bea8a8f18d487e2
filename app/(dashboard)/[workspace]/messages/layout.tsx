import type { ReactNode } from "react";
import { MessagesTabs } from "@/components/messages/messages-tabs";

export default function MessagesLayout({ children }: { children: ReactNode }) {
  return (
    <div>
      <MessagesTabs />
      {children}
    </div>
  );
}
