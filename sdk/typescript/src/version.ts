/** The SDK version: the API version it was generated from (npm run sdk:generate). */
export const SDK_VERSION = '1.1.0';
