"use client";
import { JourneyEditor, type TJourneyEditorProps } from "../journey-editor";
import { useRunView } from "./use-run-view";

/** The editor with its Test and Live tabs, node counts and the selected run's path. */
export function JourneyEditorWithRuns(props: Omit<TJourneyEditorProps, "extraTabs" | "nodeBadges" | "highlightPath" | "onSelectNode"> & { liveVersionId: string | null }) {
  const { liveVersionId, ...rest } = props;
  const view = useRunView({ id: props.journey.id, graph: props.journey.graph, testMode: props.journey.testMode, liveVersionId });
  return <JourneyEditor {...rest} extraTabs={view.tabs} nodeBadges={view.nodeBadges} highlightPath={view.highlightPath} onSelectNode={view.onSelectNode} />;
}
