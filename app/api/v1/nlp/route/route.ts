import { withTenant } from "@/lib/http/route";
import { routeQuestion } from "@/lib/nlp/classify/route-question";
import { PersonaRoute, RouteQuestionBody } from "@/lib/nlp/personas/schemas";

/** Which persona a question goes to: the one named, or the offline classifier's guess with every score. */
export const POST = withTenant(async ({ body }) => routeQuestion(body), {
  scope: "dcl:read",
  body: RouteQuestionBody,
  response: PersonaRoute,
});
