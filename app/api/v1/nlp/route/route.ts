import { withTenant } from "@/lib/http/route";
import { routeQuestion } from "@/lib/nlp/classify/route-question";
import { RouteQuestionBody } from "@/lib/nlp/personas/schemas";

export const POST = withTenant(async ({ body }) => routeQuestion(body), { scope: "dcl:read", body: RouteQuestionBody });
