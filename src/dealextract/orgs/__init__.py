"""Organisations (label ORG) and references to them ("the startup", "its")."""
