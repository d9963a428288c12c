"""The JSON Schemas in ``schema/``: the one description of each card type's shape."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import SchemaError
from jsonschema.protocols import Validator
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from kennisbank.checking.vocabulary import vocabulary_schema
from kennisbank.model.problems import Position, Problem
from kennisbank.model.types import Kind, Vocabulary

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


# Keywords that only describe; next to a $ref the local one wins (as in resolve_refs).
ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment", "deprecated"})
# Keywords whose meaning depends on other keywords in the same schema object.
ENTANGLED = frozenset(
    {"additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "prefixItems"}
    | {"if", "then", "else", "contains", "minContains", "maxContains"}
)


def inline_refs(schema: Any, resolver: Resolver, depth: int = 0) -> Any:
    """The same schema with every ``$ref`` replaced by what it points to, for fast validation.

    jsonschema spends half of a card's check on looking up references. A referenced schema is
    merged into its parent when that cannot change the outcome (its validation keywords do not
    meet the parent's); otherwise it goes under ``allOf``, which validates exactly like
    ``$ref``. Error messages stay the same: errors point at the same keywords and values."""
    if isinstance(schema, list):
        return [inline_refs(item, resolver, depth) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if depth > MAX_REF_DEPTH:
        raise ValueError("$ref nest te diep of verwijst naar zichzelf")
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ("$ref", "$defs"):  # $defs: what they hold ends up where it is used
            continue
        if key in ("properties", "patternProperties", "dependentSchemas"):
            out[key] = {name: inline_refs(sub, resolver, depth) for name, sub in value.items()}
        else:
            out[key] = inline_refs(value, resolver, depth)
    if "$ref" not in schema:
        return out
    resolved = resolver.lookup(schema["$ref"])
    target = inline_refs(resolved.contents, resolved.resolver, depth + 1)
    if not isinstance(target, dict):
        return {**out, "allOf": [*out.get("allOf", []), target]}
    target = {k: v for k, v in target.items() if k not in ("$id", "$schema")}
    local = set(out) - ANNOTATIONS
    shared = local & (set(target) - ANNOTATIONS)
    if shared or (local and ENTANGLED & (local | set(target))):
        return {**out, "allOf": [*out.get("allOf", []), target]}
    return {**target, **out}


def _is_whole_number(_checker: object, instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


# JSON Schema calls 2018.0 an integer; an editor who typed "jaar: 2018.0" made a typo.
_TYPES = Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number)
CardValidator: type[Validator] = validators.extend(  # type: ignore[no-untyped-call]  # untyped in the stubs
    Draft202012Validator, type_checker=_TYPES
)
"""Draft 2020-12 where "integer" means a whole number as YAML writes it: not 2018.0, not true."""

SHARED_SCHEMAS = ("onderdelen",)
VOCABULARY_SCHEMA = "vocabulaire"  # generated from data/vocabulaire.yml, see vocabulary.py


def has_float(data: Any) -> bool:
    """Whether a number with a decimal point is anywhere in ``data``."""
    if isinstance(data, float):
        return True
    if isinstance(data, dict):
        return any(has_float(v) for v in data.values())
    if isinstance(data, list):
        return any(has_float(v) for v in data)
    return False


def fast_validator(schema: dict[str, Any], formats: FormatChecker) -> Any | None:
    """The same (inlined) schema in jsonschema-rs, a compiled validator, or None when it cannot
    take it. It reads the schema as data (no code is generated from a schema that a pull
    request may change) and checks a valid card about 50 times faster than jsonschema."""
    try:
        return jsonschema_rs.Draft202012Validator(
            schema,
            validate_formats=True,
            formats={
                name: lambda value, name=name: formats.conforms(value, name) for name in formats.checkers
            },
        )
    except Exception:  # any schema it cannot take: the careful path does it all
        return None


@dataclass(frozen=True)
class Schemas:
    validators: dict[Kind, Validator]
    documents: dict[str, dict[str, Any]]
    registry: Registry[Any]
    fast: dict[Kind, Any | None] = field(default_factory=dict)
    """Per kind the compiled validator of the same schema (see :func:`fast_validator`)."""

    def surely_valid(self, kind: Kind, data: Any) -> bool:
        """True when the compiled validator accepts ``data``: most cards, checked in
        microseconds. False means "ask jsonschema", which then finds every error with its Dutch
        message. Data with a number with a decimal point always goes to jsonschema: there
        ``2018.0`` is no whole number (see ``CardValidator``), in JSON Schema it is one."""
        fast = self.fast.get(kind)
        if fast is None or has_float(data):
            return False
        try:
            return bool(fast.is_valid(data))
        except Exception:  # a value it cannot read: the careful path decides
            return False

    def description(self, schema: dict[str, Any], base: str) -> str | None:
        """A schema's Dutch description, following ``$ref`` when the schema has none itself."""
        merged, _resolver = resolve_refs(schema, self.registry.resolver(base_uri=base))
        text = merged.get("description")
        return str(text).rstrip(".") if text else None

    def uri(self, kind: Kind) -> str:
        """The base URI of a card type's schema, for resolving its ``$ref``s in the registry."""
        return schema_file_name(kind.schema)

    def properties(self, kind: Kind) -> dict[str, Any]:
        props: dict[str, Any] = self.documents[kind.schema]["properties"]
        return props


def schema_file_name(name: str) -> str:
    """``praktijk`` -> ``praktijk.schema.json``: the name a schema is known by in references.

    The schemas have no ``$id``, so a relative ``$ref`` such as ``onderdelen.schema.json#/...``
    resolves against the schema file's own location in standard tools and editors, wherever they
    run; the registry here uses the same file names as URIs."""
    return f"{name}.schema.json"


def schema_path(root: Path, name: str) -> Path:
    return root / SCHEMA_DIR / schema_file_name(name)


def load_schemas(root: Path, vocab: Vocabulary) -> Schemas:
    """Read the card schemas; the vocabulary schema is built in memory from the data file."""
    documents: dict[str, dict[str, Any]] = {}
    for name in (*SHARED_SCHEMAS, *(k.schema for k in Kind)):
        documents[name] = json.loads(schema_path(root, name).read_text(encoding="utf-8"))
    resources = [
        (schema_file_name(name), Resource.from_contents(doc, default_specification=DRAFT202012))
        for name, doc in (*documents.items(), (VOCABULARY_SCHEMA, vocabulary_schema(vocab)))
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    checker = FormatChecker(formats=["date"])
    card_validators, fast = {}, {}
    for kind in Kind:
        document = documents[kind.schema]
        flat = inline_refs(document, registry.resolver(base_uri=schema_file_name(kind.schema)))
        card_validators[kind] = CardValidator(flat, registry=registry, format_checker=checker)
        fast[kind] = fast_validator(flat, checker)
    return Schemas(card_validators, documents, registry, fast)


def schema_problems(root: Path, vocab: Vocabulary) -> tuple[Schemas | None, list[Problem]]:
    """The schemas, or why they cannot be used: a missing file, broken JSON (at its line and
    column), a schema that is not a valid JSON Schema, or a ``$ref`` that leads nowhere. A pull
    request may change ``schema/`` too; the check then says what is wrong instead of failing."""
    problems: list[Problem] = []
    for name in (*SHARED_SCHEMAS, *(k.schema for k in Kind)):
        shown = f"{SCHEMA_DIR}/{schema_file_name(name)}"
        try:
            document = json.loads(schema_path(root, name).read_text(encoding="utf-8"))
        except OSError:
            problems.append(Problem(Position(shown), "dit schema ontbreekt of kan niet gelezen worden"))
            continue
        except UnicodeDecodeError:
            problems.append(Problem(Position(shown), "dit schema is geen geldige UTF-8"))
            continue
        except json.JSONDecodeError as exc:
            problems.append(
                Problem(Position(shown, exc.lineno, exc.colno), f"dit is geen geldige JSON ({exc.msg})")
            )
            continue
        except RecursionError:
            problems.append(Problem(Position(shown), "dit schema is te diep genest"))
            continue
        if not isinstance(document, dict):
            problems.append(Problem(Position(shown), "een schema is een JSON-object ({ ... })"))
            continue
        try:
            Draft202012Validator.check_schema(document)
        except SchemaError as exc:
            where = "/".join(str(p) for p in exc.absolute_path) or "de bovenkant"
            problems.append(
                Problem(Position(shown), f"dit is geen geldig JSON Schema (bij {where}: {exc.message[:200]})")
            )
    if problems:
        return None, problems
    try:
        return load_schemas(root, vocab), []
    except (Unresolvable, ValueError, RecursionError) as exc:
        return None, [
            Problem(
                Position(SCHEMA_DIR),
                "een verwijzing ($ref) in de schema's leidt nergens heen of naar zichzelf",
                f"controleer de $ref-waarden ({type(exc).__name__})",
            )
        ]
