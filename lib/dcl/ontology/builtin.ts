import v1 from "./v1.json";
import vocabulary from "./v1-vocabulary.json";
import { OntologyDefinition, type Vocabulary } from "./definition";

type EntityVocabulary = { aliases?: Vocabulary; fields?: Record<string, Vocabulary> };

/** v1 with its vocabulary (v1-vocabulary.json) merged in; a vocabulary entry for an entity or field v1 lacks is an error. */
function withVocabulary(): unknown {
  const byEntity = vocabulary as unknown as Record<string, EntityVocabulary | string>;
  for (const [name, entry] of Object.entries(byEntity)) {
    if (name.startsWith("$") || typeof entry === "string") continue;
    const entity = v1.entities.find((e) => e.name === name);
    if (!entity) throw new Error(`v1-vocabulary.json: no entity "${name}"`);
    for (const field of Object.keys(entry.fields ?? {})) {
      if (!entity.fields.some((f) => f.name === field)) throw new Error(`v1-vocabulary.json: no field "${name}.${field}"`);
    }
  }
  const of = (entity: string) => byEntity[entity] as EntityVocabulary | undefined;
  return {
    ...v1,
    entities: v1.entities.map((e) => ({
      ...e,
      vocabulary: of(e.name)?.aliases ?? {},
      fields: e.fields.map((f) => ({ ...f, vocabulary: of(e.name)?.fields?.[f.name] ?? {} })),
    })),
  };
}

/** The built-in ontology (v1): the contract agents, views and tests rely on. Parsed once, so a bad edit fails loudly. */
export const BUILTIN_ONTOLOGY: OntologyDefinition = OntologyDefinition.parse(withVocabulary());
