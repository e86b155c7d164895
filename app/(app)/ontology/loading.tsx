import { RouteLoading } from "@/components/ui/route-loading";

/** Shown while the ontology page loads: its outline, nothing that looks like data. */
export default function OntologyLoading() {
  return <RouteLoading title="Ontology" what="Reading the views and their mappings…" blocks={["h-80", "h-56"]} />;
}
