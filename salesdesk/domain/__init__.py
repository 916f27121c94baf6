"""Pure domain logic: stages, value types and validation (standard library only)."""
