"""Printed documents (reportlab): attendance sheets and certificates.

Document modules take plain dataclasses filled by the services and a language, and write PDF
bytes; they never query the database. Fonts are embedded DejaVu (resources/fonts), so text stays
searchable text in every language.
"""
