import { PanelBadge } from "@/components/ui/panel-badge";
import { describePanel, type PanelId } from "@/lib/live-data/panels";

/** A page's h1 with its Live badge naming where the page's data comes from (lib/live-data/panels.ts). */
export function PageHeading({ title, panel }: { title: string; panel: PanelId }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <h1 className="text-2xl font-bold">{title}</h1>
      <PanelBadge panel={describePanel(panel)} />
    </div>
  );
}
