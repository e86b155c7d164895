import { RouteLoading } from "@/components/ui/route-loading";

/** Shown while the team loads: the page's outline, nothing that looks like data. */
export default function TeamLoading() {
  return <RouteLoading title="Team" what="Reading who can use this workspace…" blocks={["h-48", "h-40"]} />;
}
