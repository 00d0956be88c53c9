"""The SDK version: the API version it was generated from (npm run sdk:generate)."""

__version__ = "1.1.0"
