import type { Edge, Node } from "@xyflow/react";
import type { ReactNode } from "react";
import type { TOutput } from "@/server/journeys/graph/model";
import type { TNodeType } from "@/server/journeys/graph/nodes";

/** What a journey node component draws (computed by the canvas from the graph). */
export type TFlowNodeData = {
  type: TNodeType;
  kind?: string;
  title: string;
  summary: string;
  errors: string[];
  outputs: TOutput[];
  width: number;
  badge?: ReactNode;
  /** On the highlighted path (a test profile's trace), or dimmed because another path is. */
  emphasis: "normal" | "highlighted" | "dimmed";
  readOnly: boolean;
};

export type TFlowNode = Node<TFlowNodeData, "journey">;
export type TFlowEdge = Edge<{ label?: string }>;

export interface TSelection {
  nodes: string[];
  edges: string[];
}

export const EMPTY_SELECTION: TSelection = { nodes: [], edges: [] };

/** The drag payload of a palette item. */
export const DRAG_MIME = "application/x-parcours-node";
export interface TPaletteItem {
  type: TNodeType;
  kind?: string;
}
