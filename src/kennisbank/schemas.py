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
MAX_REF_DEPTH = 10  # our schemas nest $ref two deep; a cycle must not hang the check
Resolver = Any  # referencing.Resolver is not public API


def resolve_refs(schema: dict[str, Any], resolver: Resolver) -> tuple[dict[str, Any], Resolver]:
    """Follow a ``$ref`` chain into one schema; keywords next to a ``$ref`` (title, description)
    win over the referenced schema's. Returns the resolver of the innermost schema."""
    layers = []
    for _ in range(MAX_REF_DEPTH):
        if "$ref" not in schema:
            break
        layers.append({k: v for k, v in schema.items() if k != "$ref"})
        resolved = resolver.lookup(schema["$ref"])
        schema, resolver = resolved.contents, resolved.resolver
    merged = dict(schema)
    for layer in reversed(layers):
        merged.update(layer)
    return merged, resolver


SHARED_SCHEMAS = ("onderdelen",)


@dataclass(frozen=True)
class Schemas:
    validators: dict[Kind, Draft202012Validator]
    documents: dict[str, dict[str, Any]]
    registry: Registry[Any]

    def description(self, schema: dict[str, Any], base: str) -> str | None:
        """A schema's Dutch description, following ``$ref`` when the schema has none itself."""
        merged, _resolver = resolve_refs(schema, self.registry.resolver(base_uri=base))
        text = merged.get("description")
        return str(text).rstrip(".") if text else None

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
