"""The JSON Schemas in ``schema/``: the one description of each card type's shape."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .model import Kind, Vocabulary
from .vocabulary import vocabulary_schema

SCHEMA_DIR = "schema"
SHARED_SCHEMAS = ("onderdelen",)


@dataclass(frozen=True)
class Schemas:
    validators: dict[Kind, Draft202012Validator]
    documents: dict[str, dict[str, Any]]
    registry: Registry[Any]

    def description(self, schema: dict[str, Any], base: str) -> str | None:
        """A schema's Dutch description, following ``$ref`` when the schema has none itself."""
        resolver = self.registry.resolver(base_uri=base)
        for _ in range(5):
            if schema.get("description"):
                return str(schema["description"]).rstrip(".")
            if "$ref" not in schema:
                return None
            resolved = resolver.lookup(schema["$ref"])
            schema, resolver = resolved.contents, resolved.resolver
        return None

    def properties(self, kind: Kind) -> dict[str, Any]:
        props: dict[str, Any] = self.documents[kind.schema]["properties"]
        return props


def schema_path(root: Path, name: str) -> Path:
    return root / SCHEMA_DIR / f"{name}.schema.json"


def load_schemas(root: Path, vocab: Vocabulary) -> Schemas:
    """Read the card schemas; the vocabulary schema is built in memory from the data file."""
    documents: dict[str, dict[str, Any]] = {}
    for name in (*SHARED_SCHEMAS, *(k.schema for k in Kind)):
        documents[name] = json.loads(schema_path(root, name).read_text(encoding="utf-8"))
    resources = [
        (doc["$id"], Resource.from_contents(doc, default_specification=DRAFT202012))
        for doc in (*documents.values(), vocabulary_schema(vocab))
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    checker = FormatChecker(formats=["date"])
    validators = {
        kind: Draft202012Validator(documents[kind.schema], registry=registry, format_checker=checker)
        for kind in Kind
    }
    return Schemas(validators, documents, registry)
