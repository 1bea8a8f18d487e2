"use client";
import "@xyflow/react/dist/style.css";
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useNodesInitialized, useReactFlow, type EdgeChange, type NodeChange, type XYPosition } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from "react";
import { outputsOf, type TJourneyGraph } from "@/server/journeys/graph/model";
import type { TGraphError } from "@/server/journeys/graph/validate-graph";
import { DRAG_MIME, type TFlowEdge, type TFlowNode, type TPaletteItem, type TSelection } from "./flow-types";
import { canConnect, connect, moveNodes, removeElements } from "./graph-edit";
import { JourneyNode } from "./journey-node";
import { NODE_META } from "./node-catalog";
import { FIT_VIEW, nodeWidth } from "./node-size";
import { summaryOf, titleOf, type TNameLookups } from "./node-summary";

export interface TJourneyCanvasProps {
  graph: TJourneyGraph;
  names: TNameLookups;
  errors: TGraphError[];
  selection: TSelection;
  readOnly?: boolean;
  /** Per-node counts (live stats, test runs), drawn at the node's top right. */
  nodeBadges?: Record<string, ReactNode>;
  /** Node ids of a path to emphasise (a profile's trace); the rest is dimmed. */
  highlightPath?: string[];
  onGraphChange: (graph: TJourneyGraph, options?: { transient?: boolean }) => void;
  /** A drag ended: the moves since it started become one undo step. */
  onMoveEnd: () => void;
  onSelectionChange: (selection: TSelection) => void;
  onDropItem?: (item: TPaletteItem, at: XYPosition) => void;
  children?: ReactNode;
}

const nodeTypes = { journey: JourneyNode };
const MINIMAP_COLORS = { entry: "#10b981", action: "#6f68e5", flow: "#f59e0b" };

/** The React Flow canvas over a journey graph; the graph and the selection live in the editor. */
export function JourneyCanvas(props: TJourneyCanvasProps) {
  const { graph, names, errors, selection, readOnly = false, nodeBadges, highlightPath, onGraphChange, onSelectionChange } = props;
  const { screenToFlowPosition, fitView } = useReactFlow();
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  // Fit the whole journey once every node has been measured (a loaded graph is not measured at first render).
  const initialized = useNodesInitialized();
  const fitted = useRef(false);
  useEffect(() => {
    if (!initialized || fitted.current) return;
    fitted.current = true;
    void fitView(FIT_VIEW);
  }, [initialized, fitView]);

  const nodes = useMemo<TFlowNode[]>(() => {
    const byNode = new Map<string, string[]>();
    for (const e of errors) if (e.nodeId) byNode.set(e.nodeId, [...(byNode.get(e.nodeId) ?? []), e.message]);
    const path = new Set(highlightPath ?? []);
    const selected = new Set(selection.nodes);
    return graph.nodes.map((n) => ({
      id: n.id,
      type: "journey",
      position: n.position,
      selected: selected.has(n.id),
      measured: measured[n.id],
      data: {
        type: n.type,
        kind: typeof n.data.kind === "string" ? n.data.kind : undefined,
        title: titleOf(n, names),
        summary: summaryOf(n, names),
        errors: byNode.get(n.id) ?? [],
        outputs: outputsOf(n),
        width: nodeWidth(n),
        badge: nodeBadges?.[n.id],
        emphasis: path.size === 0 ? "normal" : path.has(n.id) ? "highlighted" : "dimmed",
        readOnly,
      },
    }));
  }, [graph.nodes, errors, highlightPath, selection.nodes, measured, names, nodeBadges, readOnly]);

  const edges = useMemo<TFlowEdge[]>(() => {
    const path = highlightPath ?? [];
    const onPath = (s: string, t: string) => path.some((id, i) => id === s && path[i + 1] === t);
    const selected = new Set(selection.edges);
    return graph.edges.map((e) => {
      const lit = onPath(e.source, e.target);
      return {
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        targetHandle: "in",
        type: "smoothstep",
        selected: selected.has(e.id),
        animated: lit,
        markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: lit ? "#10b981" : "#a1a1aa" },
        style: { stroke: lit ? "#10b981" : undefined, strokeWidth: lit ? 2.5 : 1.5, opacity: path.length && !lit ? 0.4 : 1 },
      };
    });
  }, [graph.edges, highlightPath, selection.edges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TFlowNode>[]) => {
      const sizes: Record<string, { width: number; height: number }> = {};
      const positions = new Map<string, XYPosition>();
      const selected = new Set(selection.nodes);
      let selectionChanged = false;
      for (const c of changes) {
        if (c.type === "dimensions" && c.dimensions) sizes[c.id] = c.dimensions;
        if (c.type === "position" && c.position && !readOnly) positions.set(c.id, { x: Math.round(c.position.x), y: Math.round(c.position.y) });
        if (c.type === "select") {
          selectionChanged = true;
          if (c.selected) selected.add(c.id);
          else selected.delete(c.id);
        }
      }
      if (Object.keys(sizes).length) setMeasured((m) => ({ ...m, ...sizes }));
      if (positions.size) onGraphChange(moveNodes(graph, positions), { transient: true });
      if (selectionChanged) onSelectionChange({ nodes: [...selected], edges: selection.edges });
    },
    [graph, readOnly, selection, onGraphChange, onSelectionChange],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<TFlowEdge>[]) => {
      const selected = new Set(selection.edges);
      let changed = false;
      for (const c of changes) {
        if (c.type !== "select") continue;
        changed = true;
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
      if (changed) onSelectionChange({ nodes: selection.nodes, edges: [...selected] });
    },
    [selection, onSelectionChange],
  );

  const onDrop = (event: DragEvent) => {
    const raw = event.dataTransfer.getData(DRAG_MIME);
    if (!raw || readOnly || !props.onDropItem) return;
    event.preventDefault();
    const item = JSON.parse(raw) as TPaletteItem;
    const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    props.onDropItem(item, { x: Math.round(p.x - 124), y: Math.round(p.y - 30) });
  };

  return (
    <ReactFlow<TFlowNode, TFlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onNodeDragStop={props.onMoveEnd}
      onConnect={(c) => c.sourceHandle && onGraphChange(connect(graph, c.source, c.sourceHandle, c.target))}
      isValidConnection={(c) => canConnect(graph, c.source, c.target)}
      onDelete={({ nodes: n, edges: e }) => onGraphChange(removeElements(graph, n.map((x) => x.id), e.map((x) => x.id)))}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDrop={onDrop}
      deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      minZoom={0.2}
      maxZoom={1.5}
      attributionPosition="bottom-left"
      className="bg-zinc-50"
    >
      <Background gap={20} size={1.2} color="#d4d4d8" />
      <Controls position="bottom-left" showInteractive={false} showFitView={false} className="!mb-8" />
      {graph.nodes.length > 0 && <MiniMap position="bottom-right" pannable zoomable style={{ width: 160, height: 110 }} className="!rounded-lg !border !border-zinc-200" nodeColor={(n) => MINIMAP_COLORS[NODE_META[(n as TFlowNode).data.type].group]} maskColor="rgba(244,244,245,0.7)" />}
      {props.children}
    </ReactFlow>
  );
}
