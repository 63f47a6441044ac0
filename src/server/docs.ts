import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** The OpenAPI document (/openapi.json) and interactive docs (/docs), built from the routes' zod schemas. */
export async function docsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "INCI Atlas API",
        version: "1",
        description:
          'Cosmetic ingredients and the label decoder. Errors: {"error":{"code","message","field"}}.',
      },
    },
    transform: jsonSchemaTransform,
    // Only the JSON API is documented; pages are for people.
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
