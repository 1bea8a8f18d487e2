import type { ComponentType } from "react";
import type { TNodeType } from "@/server/journeys/graph/nodes";
import { AttributeForm } from "./attribute-form";
import { ConditionForm } from "./condition-form";
import { EntryAudienceForm } from "./entry-audience-form";
import { EntryEventForm } from "./entry-event-form";
import type { TNodeFormProps } from "./form-types";
import { ListForm } from "./list-form";
import { MessageForm } from "./message-form";
import { RandomForm } from "./random-form";
import { ReactionForm } from "./reaction-form";
import { WaitEventForm } from "./wait-event-form";
import { WaitForm } from "./wait-form";
import { WebhookForm } from "./webhook-form";

const ExitForm = () => <p className="text-sm text-zinc-600">Profiles that reach this step leave the journey. Every path must end at an exit.</p>;

/** The configuration form of each node type. */
export const NODE_FORMS: Record<TNodeType, ComponentType<TNodeFormProps>> = {
  entry_audience: EntryAudienceForm,
  entry_event: EntryEventForm,
  message: MessageForm,
  update_attribute: AttributeForm,
  list: ListForm,
  webhook: WebhookForm,
  wait: WaitForm,
  reaction: ReactionForm,
  wait_event: WaitEventForm,
  condition: ConditionForm,
  random: RandomForm,
  exit: ExitForm,
};

export type { TNodeFormProps };
