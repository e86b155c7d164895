/** The pages the browser tests walk through: every page a person opens, signed out and signed in. */
export const SIGNED_OUT_PAGES = ["/login", "/register"];
export const SIGNED_IN_PAGES = [
  "/control-center",
  "/inbox",
  "/discover",
  "/connections",
  "/ontology",
  "/ontology/invoice",
  "/orchestration",
  "/agents",
  "/assistant",
  "/team",
  "/api-keys",
  "/invitations",
  "/faq",
];
