import v1 from "./v1.json";
import { OntologyDefinition } from "./definition";

/** The built-in ontology (v1): the contract agents, views and tests rely on. Parsed once, so a bad edit fails loudly. */
export const BUILTIN_ONTOLOGY: OntologyDefinition = OntologyDefinition.parse(v1);
