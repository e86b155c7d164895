import type { MappingRegistry } from "@/lib/generated/prisma/client";
import type { Mapping, MappingMethod } from "./schemas";
import type { ValueTransform } from "@/lib/dcl/matcher/types";

/** A registry row as the API answers it. */
export function toMappingDto(r: MappingRegistry): Mapping {
  return {
    id: r.id,
    connectionId: r.connectionId,
    stream: r.sourceStream,
    field: r.sourceField,
    target: r.ontologyField,
    transform: r.transform as ValueTransform | null,
    confidence: r.confidence,
    method: r.method as MappingMethod,
    status: r.status,
    version: r.version,
    createdById: r.createdById,
    decidedById: r.decidedById,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}
export type MappingDto = Mapping;
