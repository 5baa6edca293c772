"""AI model names (label MODEL): gazetteer of families, version rules, maker linking."""
