// Undo/redo over the journey draft. Every change replaces `present`; a committed change pushes
// the previous state onto `past`. Transient changes (a node being dragged) update `present`
// without a history entry; the state before the first of them is kept in `base` and pushed
// once, when the next committed change (the drop) arrives. Typing in a field sends one change
// per keystroke with the same `key`: those within COALESCE_MS of each other make one entry.

export interface THistory<T> {
  past: T[];
  present: T;
  future: T[];
  /** The state before a run of transient changes, or null. */
  base: T | null;
  /** The key and time of the last committed change, to coalesce typing. */
  last?: { key: string; at: number };
}

export type THistoryAction<T> =
  | { type: "set"; value: T; transient?: boolean; key?: string; at?: number }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "commit" }
  | { type: "reset"; value: T };

const LIMIT = 100;
export const COALESCE_MS = 1500;

export const historyOf = <T>(value: T): THistory<T> => ({ past: [], present: value, future: [], base: null });

export function historyReducer<T>(state: THistory<T>, action: THistoryAction<T>): THistory<T> {
  switch (action.type) {
    case "set": {
      if (action.value === state.present) return state;
      if (action.transient) return { ...state, present: action.value, base: state.base ?? state.present };
      const last = action.key && action.at !== undefined ? { key: action.key, at: action.at } : undefined;
      if (last && !state.base && state.last?.key === last.key && last.at - state.last.at < COALESCE_MS) return { ...state, present: action.value, future: [], last };
      const previous = state.base ?? state.present;
      return { past: [...state.past, previous].slice(-LIMIT), present: action.value, future: [], base: null, last };
    }
    case "undo": {
      // An unfinished transient run is undone back to where it started.
      if (state.base) return { past: state.past, present: state.base, future: [state.present, ...state.future], base: null };
      const previous = state.past.at(-1);
      if (previous === undefined) return state;
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], base: null };
    }
    case "redo": {
      const [next, ...rest] = state.future;
      if (next === undefined) return state;
      return { past: [...state.past, state.base ?? state.present], present: next, future: rest, base: null };
    }
    case "commit":
      // The end of a transient run (the drop): one history entry for the whole drag.
      if (!state.base) return state;
      return { past: [...state.past, state.base].slice(-LIMIT), present: state.present, future: [], base: null };
    case "reset":
      return historyOf(action.value);
  }
}

export const canUndo = (h: THistory<unknown>) => h.past.length > 0 || h.base !== null;
export const canRedo = (h: THistory<unknown>) => h.future.length > 0;
