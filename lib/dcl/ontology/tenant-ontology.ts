import "server-only";
import { z } from "zod";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BUILTIN_ONTOLOGY } from "./builtin";
import { OntologyDefinition, OntologyEntity, OntologyField, OntologyName } from "./definition";

/** A tenant's additions to the built-in ontology: new entities, and new fields on existing ones. Nothing built in is changed. */
export const OntologyExtension = z.object({
  entities: z.array(OntologyEntity).max(50).default([]),
  fields: z
    .array(z.object({ entity: OntologyName, fields: z.array(OntologyField).min(1).max(100) }))
    .max(50)
    .default([]),
});
export type OntologyExtension = z.infer<typeof OntologyExtension>;

/** The built-in ontology with the extension merged in. Throws ValidationError on a clash. */
export function extendOntology(base: OntologyDefinition, extension: OntologyExtension, revision: number): OntologyDefinition {
  const entities = base.entities.map((e) => ({ ...e, fields: [...e.fields] }));
  for (const [i, added] of extension.entities.entries()) {
    if (entities.some((e) => e.name === added.name)) {
      throw new ValidationError(`entity "${added.name}" already exists`, [{ path: `entities.${i}.name`, message: "already exists" }]);
    }
    entities.push({ ...added, fields: [...added.fields] });
  }
  for (const [i, group] of extension.fields.entries()) {
    const entity = entities.find((e) => e.name === group.entity);
    if (!entity) throw new ValidationError(`no entity "${group.entity}"`, [{ path: `fields.${i}.entity`, message: "no such entity" }]);
    for (const field of group.fields) {
      if (entity.fields.some((f) => f.name === field.name)) {
        throw new ValidationError(`"${group.entity}.${field.name}" already exists`, [
          { path: `fields.${i}.fields`, message: `"${field.name}" already exists` },
        ]);
      }
      entity.fields.push(field);
    }
  }
  const merged = OntologyDefinition.safeParse({ ...base, version: revision ? `${base.version}+t${revision}` : base.version, entities });
  if (!merged.success)
    throw new ValidationError(
      "the extended ontology is not valid",
      merged.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return merged.data;
}

/** The ontology this tenant maps onto: v1 plus its custom entities and fields. */
export async function getTenantOntology(scope: TenantScope): Promise<OntologyDefinition> {
  const settings = await scope.db.dclSettings.findUnique({ where: { tenantId: scope.tenantId } });
  if (!settings?.ontologyExtension) return BUILTIN_ONTOLOGY;
  return extendOntology(BUILTIN_ONTOLOGY, OntologyExtension.parse(settings.ontologyExtension), settings.ontologyRevision);
}

/** Replaces the tenant's extension (validated against the built-in ontology first). Views pick it up on the next connect. */
export async function updateOntologyExtension({ ctx, input }: { ctx: TenantContext; input: OntologyExtension }) {
  extendOntology(BUILTIN_ONTOLOGY, input, 1);
  const json = input as unknown as Prisma.InputJsonValue;
  await ctx.db.dclSettings.upsert({
    where: { tenantId: ctx.tenantId },
    create: { tenantId: ctx.tenantId, ontologyExtension: json, ontologyRevision: 1 },
    update: { ontologyExtension: json, ontologyRevision: { increment: 1 } },
  });
  return getTenantOntology(ctx);
}
