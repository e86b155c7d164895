import { RouteLoading } from "@/components/ui/route-loading";

/** Shown while a unified view's rows load: the page's outline, nothing that looks like data. */
export default function UnifiedViewLoading() {
  return <RouteLoading title="{entity}" what="Reading the view…" blocks={["h-96"]} />;
}
