/**
 * Prints the OpenAPI document (what `GET /openapi.json` serves) without starting a server:
 *   npx tsx scripts/openapi.ts > openapi.json
 */
import { openApiDocument } from '../api/openapi/openapi-document.ts';

process.stdout.write(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
