"""Compatibility of openapi.yaml with Didit's published OpenAPI of the live service (issue 9)."""
