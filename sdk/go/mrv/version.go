package mrv

// Version is the SDK version: the API version it was generated from (npm run sdk:generate).
const Version = "1.1.0"
