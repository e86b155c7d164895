import type { Scope } from "@/lib/auth/roles";

/**
 * Each scope in words, for the people choosing an API key's scopes and reading a refusal. `label`
 * is short (a checkbox); `description` says what it allows (routes and pages that need it).
 * A `reserved` scope guards nothing yet, so the web form does not offer it.
 */
export const SCOPE_WORDS: Record<Scope, { label: string; description: string; reserved?: true }> = {
  "tenant:read": { label: "Read the workspace", description: "The workspace, its settings, live events and language-model usage" },
  "members:read": { label: "Read members", description: "Members of the workspace and pending invitations" },
  "tasks:read": { label: "Read tasks", description: "Tasks with their attempts and results" },
  "aam:read": { label: "Read connections", description: "Connections, streams, records, uploaded files, quarantine and drift" },
  "dcl:read": {
    label: "Read the ontology and views",
    description: "Ontology, mappings, unified views, lineage, the review inbox and persona summaries",
  },
  "agents:read": { label: "Read agents", description: "Agents, their runs, metrics and findings" },
  "kb:read": { label: "Read the knowledge base", description: "Documents (redacted), search and questions answered from them" },
  "tenant:write": {
    label: "Change the workspace",
    description: "Reserved for changes to the workspace itself; nothing uses it yet",
    reserved: true,
  },
  "tasks:write": { label: "Run tasks", description: "Create, cancel and retry tasks" },
  "aam:write": {
    label: "Change connections",
    description: "Create, change and delete connections, upload files, check, discover and sync",
  },
  "dcl:write": { label: "Decide mappings", description: "Connect sources, approve, reject and roll back mappings and repairs" },
  "agents:write": { label: "Run agents", description: "Run agents and change the status of findings" },
  "kb:write": { label: "Change the knowledge base", description: "Upload and delete documents" },
  "llm:use": { label: "Use the language model", description: "Mapping suggestions that spend the workspace's language-model budget" },
  "members:write": { label: "Manage members", description: "Invite members, change their roles and remove them" },
  "settings:write": {
    label: "Change settings",
    description: "Slack alerts, ontology extensions, mapping thresholds, third-party agents; list and revoke API keys",
  },
  "pii:read": { label: "Read original documents", description: "Knowledge-base files as uploaded, before personal data is redacted" },
  "members:admin": { label: "Manage owners and admins", description: "Grant, change and remove the owner and admin roles" },
};
