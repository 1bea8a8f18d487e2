"use client";
import { useCallback, useMemo, useReducer } from "react";
import type { TJourneyGraph, TJourneySettings } from "@/server/journeys/graph/model";
import { validateGraph } from "@/server/journeys/graph/validate-graph";
import { canRedo, canUndo, historyOf, historyReducer, type THistory } from "./graph-history";

export interface TDraft {
  graph: TJourneyGraph;
  settings: TJourneySettings;
}

type TAction =
  | { type: "graph"; graph: TJourneyGraph; transient?: boolean; key?: string; at?: number }
  | { type: "settings"; settings: TJourneySettings; key?: string; at?: number }
  | { type: "undo" | "redo" | "commit" }
  | { type: "reset"; draft: TDraft };

function reducer(state: THistory<TDraft>, action: TAction): THistory<TDraft> {
  switch (action.type) {
    case "graph":
      if (action.graph === state.present.graph) return state;
      return historyReducer(state, { type: "set", value: { ...state.present, graph: action.graph }, transient: action.transient, key: action.key, at: action.at });
    case "settings":
      return historyReducer(state, { type: "set", value: { ...state.present, settings: action.settings }, key: action.key, at: action.at });
    case "reset":
      return historyReducer(state, { type: "reset", value: action.draft });
    default:
      return historyReducer(state, { type: action.type });
  }
}

export interface TGraphChangeOptions {
  transient?: boolean;
  /** Changes with the same key in quick succession (typing) make one undo step. */
  key?: string;
}

/** The journey draft being edited, with undo/redo and live validation. */
export function useJourneyDraft(initial: TDraft) {
  const [history, dispatch] = useReducer(reducer, initial, historyOf);
  const draft = history.present;
  const errors = useMemo(() => validateGraph(draft.graph), [draft.graph]);
  const setGraph = useCallback((graph: TJourneyGraph, options: TGraphChangeOptions = {}) => dispatch({ type: "graph", graph, ...options, at: Date.now() }), []);
  const setSettings = useCallback((settings: TJourneySettings, key?: string) => dispatch({ type: "settings", settings, key, at: Date.now() }), []);
  const undo = useCallback(() => dispatch({ type: "undo" }), []);
  const redo = useCallback(() => dispatch({ type: "redo" }), []);
  const commitMove = useCallback(() => dispatch({ type: "commit" }), []);
  const reset = useCallback((next: TDraft) => dispatch({ type: "reset", draft: next }), []);
  return { draft, errors, setGraph, setSettings, undo, redo, commitMove, reset, canUndo: canUndo(history), canRedo: canRedo(history) };
}

export type TJourneyDraftApi = ReturnType<typeof useJourneyDraft>;
