"""Change tracking and exchange files (SYNC.md)."""
