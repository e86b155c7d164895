import { RouteLoading } from "@/components/ui/route-loading";

/** Shown while the summaries and documents load: the page's outline, nothing that looks like data. */
export default function AssistantLoading() {
  return <RouteLoading title="Assistant" what="Reading the summaries and your documents…" blocks={["h-32", "h-64"]} />;
}
