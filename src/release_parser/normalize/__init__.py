"""Normalizers for numbers, fiscal periods and units, usable on their own."""
