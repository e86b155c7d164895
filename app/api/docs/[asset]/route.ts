import { readDocsAsset } from "@/lib/http/openapi/docs-page";

/** The docs page's files from their npm package (allow-listed names only). */
export async function GET(_req: Request, { params }: { params: Promise<{ asset: string }> }) {
  const asset = await readDocsAsset("swagger", (await params).asset);
  if (!asset) return new Response("Not found", { status: 404 });
  return new Response(asset.body, { headers: { "content-type": asset.contentType, "cache-control": "public, max-age=86400" } });
}
