"use client";
import { useReactFlow, type XYPosition } from "@xyflow/react";
import { MousePointerClick } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import type { TJourneyGraph, TJourneySettings } from "@/server/journeys/graph/model";
import type { TGraphError } from "@/server/journeys/graph/validate-graph";
import { autoLayout } from "./auto-layout";
import { FIT_VIEW } from "./node-size";
import { CanvasTools } from "./canvas-tools";
import { EditorToolbar } from "./editor-toolbar";
import { EMPTY_SELECTION, type TPaletteItem, type TSelection } from "./flow-types";
import { removeElements, updateNode } from "./graph-edit";
import { JourneyActions, type TJourneyState } from "./journey-actions";
import { JourneyCanvas } from "./journey-canvas";
import { JourneySettingsDialog } from "./journey-settings-dialog";
import { defaultData } from "./node-defaults";
import { describeErrors } from "./node-errors";
import { NodePanel } from "./node-panel";
import { Palette } from "./palette";
import { placeNode } from "./place-node";
import { SaveStatus } from "./save-status";
import { SidePanel, type TPanelTab } from "./side-panel";
import { settingsErrors } from "./settings-errors";
import { useAutosave } from "./use-autosave";
import { useEditorShortcuts } from "./use-editor-shortcuts";
import { useJourneyDraft } from "./use-journey-draft";
import { useJourneyLookups, useNames } from "./use-journey-lookups";
import { ValidationList } from "./validation-list";

export interface TEditorJourney extends TJourneyState {
  name: string;
  description: string | null;
  graph: TJourneyGraph;
  settings: TJourneySettings;
  revision: number;
  reviewComment: string | null;
}

export interface TJourneyEditorProps {
  journey: TEditorJourney;
  liveVersionNumber: number | null;
  approvalRequired: boolean;
  /** Members other than the submitter (or the viewer) who may approve: 0 means no one can. */
  otherApprovers?: number;
  viewerId: string | null;
  onRefresh: () => void;
  onReload: () => void;
  /** More right-hand tabs (Test, Live) and what they draw on the canvas. */
  extraTabs?: TPanelTab[];
  /** Told which step is selected (the Live tab lists the profiles of the selected step). */
  onSelectNode?: (nodeId: string | null) => void;
  nodeBadges?: Record<string, ReactNode>;
  highlightPath?: string[];
}

/** The journey canvas editor: palette, canvas, the selected step's panel, autosave and lifecycle. */
export function JourneyEditor({ journey, liveVersionNumber, approvalRequired, otherApprovers, viewerId, onRefresh, onReload, extraTabs = [], nodeBadges, highlightPath, onSelectNode }: TJourneyEditorProps) {
  const ws = useWorkspace();
  const toast = useToast();
  const flow = useReactFlow();
  const readOnly = !ws.can("journeys.manage") || journey.status === "closed";
  const api = useJourneyDraft({ graph: journey.graph, settings: journey.settings });
  const { graph, settings } = api.draft;
  const refreshAfterSave = journey.review !== "none" || (journey.status === "live" && !journey.draftChanged);
  const autosave = useAutosave(journey.id, api.draft, journey.revision, !readOnly, refreshAfterSave ? onRefresh : undefined);
  const lookups = useJourneyLookups();
  const names = useNames(lookups, graph);
  const [rawSelection, setSelection] = useState<TSelection>(EMPTY_SELECTION);
  const [tab, setTab] = useState("step");
  const [settingsOpen, setSettingsOpen] = useState(false);
  useEditorShortcuts({ undo: api.undo, redo: api.redo }, !readOnly);
  // Turning test mode on opens the Test tab: that is where test profiles are sent in.
  const wasTesting = useRef(journey.testMode);
  useEffect(() => {
    if (journey.testMode && !wasTesting.current && extraTabs.some((t) => t.id === "test")) setTab("test");
    wasTesting.current = journey.testMode;
  }, [journey.testMode, extraTabs]);

  const errors: TGraphError[] = useMemo(() => [...api.errors, ...settingsErrors(settings)], [api.errors, settings]);
  const selection = useMemo(() => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const edges = new Set(graph.edges.map((e) => e.id));
    return { nodes: rawSelection.nodes.filter((id) => ids.has(id)), edges: rawSelection.edges.filter((id) => edges.has(id)) };
  }, [rawSelection, graph]);
  const selected = graph.nodes.find((n) => n.id === selection.nodes.at(-1));
  const selectedId = selected?.id ?? null;
  useEffect(() => onSelectNode?.(selectedId), [selectedId, onSelectNode]);

  const focusNode = useCallback((id: string, graphNow: TJourneyGraph = graph) => {
    const node = graphNow.nodes.find((n) => n.id === id);
    if (!node) return;
    setSelection({ nodes: [id], edges: [] });
    setTab("step");
    requestAnimationFrame(() => void flow.setCenter(node.position.x + 124, node.position.y + 46, { zoom: Math.max(flow.getZoom(), 0.85), duration: 300 }));
  }, [flow, graph]);

  const add = (item: TPaletteItem, at?: XYPosition) => {
    const placed = placeNode(graph, { type: item.type, data: defaultData(item.type, item.kind), fromId: at ? null : selected?.id, at });
    api.setGraph(placed.graph);
    setSelection({ nodes: [placed.id], edges: [] });
    setTab("step");
    if (!at) {
      const p = placed.graph.nodes.find((n) => n.id === placed.id)!.position;
      const el = document.querySelector(".react-flow")?.getBoundingClientRect();
      const s = flow.flowToScreenPosition({ x: p.x + 124, y: p.y + 92 });
      if (el && (s.x < el.left || s.x > el.right || s.y < el.top || s.y > el.bottom)) void flow.setCenter(p.x + 124, p.y + 46, { zoom: flow.getZoom(), duration: 250 });
    }
  };
  const onActionError = (e: unknown) => {
    toast.error(messageOf(e));
    const field = Object.keys(fieldErrorsOf(e)).find((k) => k.startsWith("graph."));
    if (field) focusNode(field.split(".")[1]!);
  };
  const tidy = () => {
    api.setGraph(autoLayout(graph));
    requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 300 }));
  };

  const kind = (id: string) => lookups.kinds.find((k) => k.id === id)?.name;
  const stepTab = selected ? (
    <NodePanel node={selected} graph={graph} errors={errors} lookups={lookups} readOnly={readOnly}
      onChange={(patch, key) => api.setGraph(updateNode(graph, selected.id, patch), { key })} onDelete={() => api.setGraph(removeElements(graph, [selected.id]))} />
  ) : (
    <div className="grid place-items-center gap-2 px-6 py-16 text-center text-sm text-zinc-500" data-testid="no-selection">
      <MousePointerClick className="size-6 text-zinc-300" />
      {graph.nodes.length ? "Select a step to configure it." : "Add an entry from the left to start."}
    </div>
  );
  const tabs: TPanelTab[] = [
    { id: "step", label: "Step", content: stepTab },
    { id: "checks", label: "Checks", count: errors.length, tone: "red", content: <ValidationList items={describeErrors(graph, errors, { kind })} onPick={(id) => focusNode(id)} /> },
    ...extraTabs,
  ];
  const status = { status: journey.status, testMode: journey.testMode, review: journey.review, draftChanged: journey.draftChanged, liveVersionNumber };
  return (
    <div className="fixed inset-0 z-40 flex flex-col bg-white" data-testid="journey-editor">
      <EditorToolbar journeyId={journey.id} name={journey.name} description={journey.description} status={status} readOnly={readOnly} errorCount={errors.length}
        saveStatus={!readOnly && <SaveStatus state={autosave.state} onRetry={autosave.retry} onReload={onReload} />}
        actions={<JourneyActions journey={journey} approvalRequired={approvalRequired} otherApprovers={otherApprovers} errorCount={errors.length} viewerId={viewerId} flush={autosave.flush} onDone={onRefresh} onError={onActionError} />}
        onShowChecks={() => setTab("checks")} onShowSettings={() => setSettingsOpen(true)} />
      {journey.review === "rejected" && journey.reviewComment && <p className="border-b border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="review-comment">Rejected: {journey.reviewComment}</p>}
      {journey.review === "in_review" && <p className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">In review. Editing the draft takes it out of review.</p>}
      <div className="flex min-h-0 flex-1">
        {!readOnly && <div className="w-56 shrink-0 overflow-y-auto border-r border-zinc-200 bg-white"><Palette kinds={lookups.kinds} onAdd={(item) => add(item)} /></div>}
        <div className="relative min-w-0 flex-1">
          <JourneyCanvas graph={graph} names={names} errors={errors} selection={selection} readOnly={readOnly} nodeBadges={nodeBadges} highlightPath={highlightPath}
            onGraphChange={api.setGraph} onMoveEnd={api.commitMove} onSelectionChange={(s) => (setSelection(s), s.nodes.length && tab !== "live" ? setTab("step") : undefined)} onDropItem={add}>
            <CanvasTools canUndo={api.canUndo} canRedo={api.canRedo} readOnly={readOnly} onUndo={api.undo} onRedo={api.redo} onLayout={tidy} onFit={() => void flow.fitView({ ...FIT_VIEW, duration: 300 })} />
          </JourneyCanvas>
          {graph.nodes.length === 0 && !readOnly && (
            <div className="pointer-events-none absolute inset-0 grid place-items-center">
              <p className="max-w-xs rounded-xl border border-dashed border-zinc-300 bg-white/80 px-5 py-4 text-center text-sm text-zinc-500">Start with an entry: drag <b>Read audience</b> or <b>Business event</b> here, or click it. Then click steps to chain them below the selected one.</p>
            </div>
          )}
        </div>
        <SidePanel tabs={tabs} active={tab} onActive={setTab} wide={tab === "step" && (selected?.type === "message" || selected?.type === "condition")} />
      </div>
      <JourneySettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} settings={settings} definitions={lookups.definitions} readOnly={readOnly} onChange={(s, key) => api.setSettings(s, key)} />
    </div>
  );
}
