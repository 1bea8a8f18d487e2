import { ZJourneySettings, type TJourneySettings } from "@/server/journeys/graph/model";
import type { TGraphError } from "@/server/journeys/graph/validate-graph";

/** Journey settings that would not save, as journey-wide errors for the checks list. */
export function settingsErrors(settings: TJourneySettings): TGraphError[] {
  const parsed = ZJourneySettings.safeParse(settings);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ nodeId: null, field: `settings.${i.path.join(".")}`, message: `Settings: ${i.message}` }));
}
