/**
 * The API's version (`info.version` of the OpenAPI document). The SDKs take their package versions
 * from it (scripts/sdk-generate.ts), so bump it when the document changes in a way clients see.
 */
export const API_VERSION = '1.1.0';
