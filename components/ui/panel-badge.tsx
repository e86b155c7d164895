import { DemoBadge, LiveBadge } from "@/components/ui/live-badge";
import type { PanelSource } from "@/lib/live-data/panels";

/** Live or Demo, as the panel's data decided (lib/live-data/panels.ts). */
export function PanelBadge({ panel }: { panel: Pick<PanelSource, "mode" | "source"> }) {
  return panel.mode === "demo" ? <DemoBadge source={panel.source} /> : <LiveBadge source={panel.source} />;
}
