"""Certificates of attendance: numbering and verification codes (Qt-free)."""
