/**
 * The FAQ: what AutonomOS does and how each part works, in plain words. Kept true to the code: when
 * a default, a limit or a page changes, change the answer here too.
 * An answer is paragraphs; an array inside it is a bulleted list.
 */
export type FaqLink = {
  href: string;
  label: string /** A route handler rather than a page: a plain link, never prefetched. */;
  external?: boolean;
};
export type FaqEntry = { id: string; question: string; answer: (string | string[])[]; links?: FaqLink[] };
export type FaqSection = { id: string; title: string; entries: FaqEntry[] };

export const FAQ: FaqSection[] = [
  {
    id: "start",
    title: "Getting started",
    entries: [
      {
        id: "what-is-it",
        question: "What does AutonomOS do?",
        answer: [
          "It reads your data sources, notices when their structure changes, keeps the mappings working, and maps everything onto one shared model of accounts, contacts, opportunities, invoices, cloud costs and cloud resources. On top of that model it builds unified tables, runs agents that look for money at stake, and answers questions in plain language.",
        ],
        links: [
          { href: "/discover", label: "Discover" },
          { href: "/connections", label: "Connections" },
        ],
      },
      {
        id: "first-steps",
        question: "Where do I start?",
        answer: [
          "Connect a source on the Connections page. Its first sync reads its tables, objects, collections or files; Discover then shows what was found, which canonical entity each one maps to, and what is left unmapped. Anything the platform is not sure about waits for you in the Inbox.",
          'The demo workspace (Acme Demo) comes with a connection named "Demo data (mock_sources)": generated demo files, not real companies or people.',
        ],
        links: [
          { href: "/connections", label: "Connect a source" },
          { href: "/inbox", label: "Inbox" },
        ],
      },
      {
        id: "real-data",
        question: "Is anything on these pages made up?",
        answer: [
          "No. Every count, figure and finding is computed from what your sources delivered and what people decided. An empty workspace shows empty pages. The one exception is a demo mode an operator can switch on for presentations, and every figure it produces is labelled Demo.",
        ],
      },
    ],
  },
  {
    id: "sources",
    title: "Connecting sources",
    entries: [
      {
        id: "which-sources",
        question: "Which sources can I connect?",
        answer: [
          [
            "Files: CSV, TSV and JSON Lines, uploaded in the browser or read from a server folder your operator allowed. Encoding, delimiter and column types are detected; nested JSON becomes dotted field names.",
            "PostgreSQL (and Supabase): tables and views, read incrementally when a table has an updated-at column or a growing key.",
            "Salesforce: objects through Salesforce's own API, signed in with an OAuth refresh token.",
            "MongoDB: collections, sampled to find their fields. It has only been tested against a stand-in server that speaks MongoDB's protocol, not a real MongoDB yet.",
          ],
        ],
        links: [{ href: "/connections", label: "Connections" }],
      },
      {
        id: "sync",
        question: "What happens when a source syncs?",
        answer: [
          "Each stream is read in batches and stored as immutable records, each tagged with the schema it arrived with. A sync that stops half-way resumes after the last batch it stored, without duplicates. Unchanged files are skipped, and a record that did not change is not stored again.",
          "Records that cannot be read (no usable id, over 1 MB, a broken row) go to quarantine with the reason and where they came from; the rest carry on. You see them on the connection's page.",
          "A sync then rebuilds the unified views, so they follow the sources on their own.",
        ],
      },
      {
        id: "safe-mode",
        question: "What is safe mode?",
        answer: [
          "A way to look at a source before trusting it. Tick Safe mode when you create a connection: each sync reads only a sample (1,000 rows per stream by default, at most 10,000) and never moves its read position forward. Mappings and repairs are only proposed, and no unified view includes the connection.",
          "When you are satisfied, press Promote on the connection's page: every stream is read again in full, proposals at or above the auto-approve threshold are approved, and a full sync is queued. A PostgreSQL connection in safe mode runs read-only, and a database role that could write to the schema is refused.",
        ],
        links: [
          { href: "/connections", label: "Connections" },
          { href: "/discover", label: "Discover" },
        ],
      },
      {
        id: "credentials",
        question: "What happens to my passwords and tokens?",
        answer: [
          "A connection's settings, credentials included, are stored encrypted (AES-256-GCM). Nobody can read a secret back: pages and the API say only that it is set, and passwords inside URLs are masked. Connectors refuse to reach internal or private network addresses unless your operator allows them.",
        ],
      },
    ],
  },
  {
    id: "drift",
    title: "Schema changes and drift",
    entries: [
      {
        id: "fingerprint",
        question: "What is a schema fingerprint?",
        answer: [
          "A fingerprint of a stream's structure: its field names, their types and whether they may be empty. Column order and sample values do not change it. Each sync compares every stream with its last accepted fingerprint.",
        ],
      },
      {
        id: "drift-kinds",
        question: "Which changes does it notice?",
        answer: [
          "A field added, removed or renamed (a rename is recognised from the values, names and types, with a confidence), a type that widened, narrowed or changed, a field that may now be empty, and a stream added or removed. Each change is classed as breaking, potentially breaking or non-breaking, and listed on the connection's page.",
        ],
      },
      {
        id: "policy",
        question: "What happens to my data when a source changes?",
        answer: [
          "Each connection has a schema-change policy:",
          [
            "Propagate all changes.",
            "Propagate additive changes only (the default): harmless changes apply; the others, and new streams, wait for a person while data keeps flowing.",
            "Require approval for every change.",
            "Pause the connection on breaking changes, until someone accepts them.",
          ],
          "Changes that wait appear in the Inbox, where each is accepted or rejected on its own; Accept pending schema changes on the connection's page takes them all.",
        ],
        links: [{ href: "/inbox", label: "Inbox" }],
      },
    ],
  },
  {
    id: "mapping",
    title: "Mappings, repairs and the review inbox",
    entries: [
      {
        id: "matching",
        question: "How are my fields matched to the shared model?",
        answer: [
          "A matcher reads each table's name, its field names (including other languages and ERP abbreviations), their types and the shape of their values (emails, dates, currency codes, ids), and proposes an entity for the table and a canonical field for each column, each with a confidence.",
          "Proposals at or above the auto-approve threshold (90% unless your workspace changed it) are approved at once; the rest wait in the Inbox. What people approve or correct is remembered and used for similar fields later. Fields that fit nothing stay unmapped: their values are kept but reach no unified view. Discover lists them.",
        ],
        links: [
          { href: "/discover", label: "Discover" },
          { href: "/ontology", label: "Ontology" },
        ],
      },
      {
        id: "repairs",
        question: "What is a self-healing repair?",
        answer: [
          "When a source's schema changes, the repair agent compares the new schema with the old one, lining up the values of the same records under both. For each field it decides: keep the mapping, follow a rename, map a new field, or leave it unmapped, each with a confidence, a one-line reason and the old and new values side by side.",
          "With the default thresholds, a repair is applied on its own at 70% confidence or more, waits in the Inbox from 50%, and below that is only reported. It never overrides a decision a person made, and it applies nothing to a connection in safe mode.",
        ],
        links: [{ href: "/inbox", label: "Inbox" }],
      },
      {
        id: "inbox",
        question: "What is the review inbox?",
        answer: [
          "One list of everything waiting for a person: repairs the agent was not sure of, mapping proposals below the auto-approve threshold (with example values), and schema changes a policy holds. Approve, edit the target then approve, or reject each one, or a selection at once. The navigation shows how many wait.",
          "Every decision is recorded (who, when, before, after, the evidence and the reason) and can be rolled back from the history, which brings the previous view back. If your workspace set up a Slack webhook, Slack hears when new items wait.",
        ],
        links: [{ href: "/inbox", label: "Inbox" }],
      },
      {
        id: "thresholds",
        question: "Can we change how sure the platform must be before it acts alone?",
        answer: [
          "Yes. Owners and admins set the auto-approve threshold for mappings and the apply and review thresholds for repairs through the API's DCL settings. A threshold above 100% sends every repair to a person. There is no settings page for them yet.",
        ],
        links: [{ href: "/api/docs", label: "API documentation", external: true }],
      },
    ],
  },
  {
    id: "model",
    title: "The ontology and unified views",
    entries: [
      {
        id: "ontology",
        question: "What is the ontology?",
        answer: [
          "The shared model every source is mapped onto: six entities (account, contact, opportunity, invoice, cost and resource), each with typed fields. Owners and admins can add their own entities and fields through the API; the built-in ones never change.",
        ],
        links: [{ href: "/ontology", label: "Ontology" }],
      },
      {
        id: "views",
        question: "What is a unified view?",
        answer: [
          "One table per entity, filled from every stream mapped to it with the mappings in force. Values are normalised on the way in: times to UTC, dates from the common formats, cents to whole amounts, percentages to fractions, currency codes in capitals. Every row says which connection, stream, source record and mapping version it came from.",
          "Views are rebuilt after each sync and after decisions in the Inbox, or with Rebuild views on the Ontology page. A rebuild switches over all at once: you see the old views or the new ones, never a mix. The Ontology page also draws the lineage from sources to views to agents.",
        ],
        links: [{ href: "/ontology", label: "Ontology" }],
      },
    ],
  },
  {
    id: "agents",
    title: "Agents and findings",
    entries: [
      {
        id: "built-in-agents",
        question: "What do the FinOps and RevOps agents look for?",
        answer: [
          [
            "FinOps reads cloud costs and resources: daily and weekly spend anomalies per service and account, idle resources (under 5% CPU: what stopping them saves each month) and under-used ones (under 10%: what one size down saves).",
            "RevOps reads accounts, opportunities and invoices: pipeline and weighted pipeline by stage, win rate, stalled deals, receivables ageing, overdue invoices, days sales outstanding, and customers with overdue invoices and open deals.",
          ],
          "Money is never added up across currencies.",
        ],
        links: [{ href: "/agents", label: "Agents" }],
      },
      {
        id: "runs",
        question: "When do agents run?",
        answer: [
          "When someone presses Run now on the Agents page, and on each agent's schedule. A run waits for a view rebuild in progress, so it reads the latest approved mappings. Owners and admins can also register their own agents, reached over HTTPS with signed requests.",
        ],
        links: [{ href: "/agents", label: "Agents" }],
      },
      {
        id: "findings",
        question: "What is a finding, and what do I do with it?",
        answer: [
          "Something an agent found, with its evidence: the query behind it (runnable against the same views), up to 50 rows, the time window, a severity, the money at stake and the sources that fed it. Acknowledge, resolve, dismiss or reopen it. Found again, it is the same finding refreshed, not a duplicate; a resolved one found again reopens.",
        ],
        links: [{ href: "/agents", label: "Agents" }],
      },
    ],
  },
  {
    id: "tasks",
    title: "Tasks and retries",
    entries: [
      {
        id: "tasks",
        question: "What is a task?",
        answer: [
          "Every long job runs in the background as a task: a sync, a schema check, a repair, a view rebuild, a knowledge-base upload, an agent run. The Orchestration page lists them with their status (queued, in progress, success, failed, cancelled), attempts and errors.",
        ],
        links: [{ href: "/orchestration", label: "Orchestration" }],
      },
      {
        id: "retries",
        question: "What happens when a task fails?",
        answer: [
          "It is tried again on its own, waiting longer each time, up to its number of attempts. A task interrupted by a restart resumes where it was, without redoing finished steps. After that, a member can retry it on the Orchestration page (or cancel a task still queued or running), and Slack hears of tasks that failed for good if your workspace set up a webhook.",
        ],
        links: [{ href: "/orchestration", label: "Orchestration" }],
      },
    ],
  },
  {
    id: "assistant",
    title: "The assistant",
    entries: [
      {
        id: "ask",
        question: "What can I ask the assistant?",
        answer: [
          "Questions about your documents and your data. It picks the right perspective (CFO, CRO, COO or CTO), grounds the answer in the best passages of your knowledge base and in that persona's figures, and cites each source. When nothing answers the question it says so rather than guess.",
          "Persona summaries show each persona's figures computed from the unified views, each with how it is computed, its time window and how fresh it is.",
        ],
        links: [{ href: "/assistant", label: "Assistant" }],
      },
      {
        id: "knowledge-base",
        question: "What goes into the knowledge base?",
        answer: [
          "Documents you upload on the Assistant page: text, Markdown, HTML, CSV, PDF and Word (DOCX), up to 25 MB each. Each is split into passages, with personal data redacted first, and indexed for search. Only owners and admins can download an original, unredacted file.",
        ],
        links: [{ href: "/assistant", label: "Assistant" }],
      },
      {
        id: "pii",
        question: "Which personal data is redacted?",
        answer: [
          "Email addresses, phone numbers, payment card numbers, IBANs, several countries' national identity numbers, IP addresses, API keys, tokens and passwords, and people's names (from your contacts and from common patterns). Each is replaced by a consistent placeholder, so one address is the same placeholder everywhere. Everything sent to a language model is redacted first.",
        ],
      },
      {
        id: "no-llm",
        question: "Does it need an AI provider key?",
        answer: [
          "No. Without one, everything still works: answers quote the matching sentences and figures with citations, summaries follow a template, and the matcher and repair agent run on their own rules. With an OpenAI or Google key set by your operator, a model writes the answers and helps with uncertain mappings; it sees redacted passages, figures, field names and the shape of values, never your sample values.",
        ],
      },
    ],
  },
  {
    id: "security",
    title: "Workspaces, roles and security",
    entries: [
      {
        id: "roles",
        question: "Who can do what?",
        answer: [
          [
            "Viewer: sees the workspace's pages and data, changes nothing.",
            "Member: also connects and syncs sources, decides Inbox items, rebuilds views, runs agents and updates findings, uploads documents, and retries or cancels tasks.",
            "Admin: also invites and manages members, changes workspace settings and registers agents, and may download original knowledge-base files.",
            "Owner: also makes people owners or admins. A workspace always keeps at least one owner.",
          ],
        ],
        links: [{ href: "/team", label: "Team" }],
      },
      {
        id: "tenancy",
        question: "Can another workspace see our data?",
        answer: [
          'No. Every record belongs to one workspace. Each query filters by it, and the database checks it again on every row (row-level security), so a forgotten filter still returns nothing foreign. Asking for another workspace\'s item answers "not found", exactly like an item that does not exist.',
        ],
      },
      {
        id: "workspaces",
        question: "How do people join, and can I belong to several workspaces?",
        answer: [
          "Admins invite an email address from the Team page; the person accepts on the Invitations page once their address is confirmed. Nobody is added without accepting. If you belong to several workspaces, switch between them in the sidebar.",
          "Repeated failed sign-ins make each next attempt wait longer, so passwords cannot be guessed quickly.",
        ],
        links: [
          { href: "/team", label: "Team" },
          { href: "/invitations", label: "Invitations" },
        ],
      },
    ],
  },
  {
    id: "api",
    title: "API access",
    entries: [
      {
        id: "api",
        question: "Can I use AutonomOS from my own code?",
        answer: [
          "Yes: the REST API under /api/v1 covers connections, mappings, the inbox, views, agents, tasks and the assistant. Exchange your email and password at POST /api/v1/auth/token for a short-lived bearer token (15 minutes by default) and send it as Authorization: Bearer. Your role applies to the API exactly as to the pages.",
          "The interactive documentation lists every route with its input and output; the OpenAPI document is generated from the same definitions the server validates with.",
        ],
        links: [
          { href: "/api/docs", label: "API documentation", external: true },
          { href: "/api/openapi.json", label: "OpenAPI document", external: true },
        ],
      },
    ],
  },
];
