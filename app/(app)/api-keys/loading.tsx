import { RouteLoading } from "@/components/ui/route-loading";

/** Shown while the keys load: the page's outline, nothing that looks like data. */
export default function ApiKeysLoading() {
  return <RouteLoading title="API keys" what="Reading this workspace's API keys…" blocks={["h-64", "h-40"]} />;
}
