import type { MappingRegistry } from "@/lib/generated/prisma/client";

export function toMappingDto(r: MappingRegistry) {
  return {
    id: r.id,
    connectionId: r.connectionId,
    stream: r.sourceStream,
    field: r.sourceField,
    target: r.ontologyField,
    transform: r.transform,
    confidence: r.confidence,
    method: r.method,
    status: r.status,
    version: r.version,
    createdById: r.createdById,
    decidedById: r.decidedById,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}
export type MappingDto = ReturnType<typeof toMappingDto>;
