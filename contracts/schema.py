"""The schemathesis view of openapi.yaml shared by the conformance and stateful layers.

Loaded once from the spec file; the base URL and credentials come from the session's target, so
the same schema object tests the emulator or a deployment. Auth follows each operation's
`security` in the spec (`SpecDeclaredAuth`, through `Target.headers_for`). Every response also
goes through the `client_decodes_response` check.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.schemas import BaseSchema
from schemathesis.specs.openapi.checks import unsupported_method

from contracts.client_decoding import assert_decodes_without_loss
from contracts.counting import SCHEMATHESIS, count_case, count_response
from contracts.generation import reuse_fixed_dictionaries
from contracts.profiles import PROFILE, seed_override
from contracts.target import current_target, deployment_from_env
from didit_contract.stateful_support import register_delete_aware_resource_check
from didit_spec import didit_document

__all__ = ["EXCLUDED_CHECKS", "READ_ONLY", "SCHEMA", "auth_headers_for"]

_REMOTE = deployment_from_env()
if _REMOTE is None:
    # schemathesis.toml names ${DIDIT_API_KEY} for `schemathesis run`; against the local emulator
    # that is its first application's key (the suite itself authenticates through SpecDeclaredAuth).
    from didit_emulator.config import default_config

    os.environ.setdefault("DIDIT_API_KEY", default_config().applications[0].api_key)

# A bound longer than this is kept out of the pattern beside it (see `_bounds_beside_patterns`).
_LONGEST_FOLDED_BOUND = 1024


def _bounds_beside_patterns(node: Any) -> Any:
    """The spec with every long `maxLength` that sits next to a `pattern` moved into an `allOf`.

    Before generating, schemathesis 4.32 folds a string's length bounds into its pattern as a
    bounded repetition: `portrait_image`'s 1,398,104 characters become `{0,349525}`, a regex
    jsonschema-rs takes about a second to compile, again for every schema that a negative draw of
    create-session mutates (most of that operation's time, issue 13). `allOf: [{maxLength: n}]`
    next to the pattern says exactly the same about valid values, and is not folded.
    """
    if isinstance(node, list):
        return [_bounds_beside_patterns(item) for item in node]
    if not isinstance(node, dict):
        return node
    moved = {key: _bounds_beside_patterns(value) for key, value in node.items()}
    if "pattern" in moved and moved.get("maxLength", 0) > _LONGEST_FOLDED_BOUND:
        moved["allOf"] = [*moved.get("allOf", []), {"maxLength": moved.pop("maxLength")}]
    return moved


# The suite's schemathesis.toml, beside `contracts/` in the repository and in the installed
# package alike: named, not discovered from the working directory, wherever pytest runs from.
SETTINGS_FILE = Path(__file__).resolve().parents[1] / "schemathesis.toml"
SCHEMA: BaseSchema = schemathesis.openapi.from_dict(
    _bounds_beside_patterns(didit_document().contents),
    config=SchemathesisConfig.from_path(SETTINGS_FILE),
)
if (_SEED := seed_override()) is not None:
    SCHEMA.config.seed = _SEED
if _REMOTE is not None:
    # The token endpoint lives on its own host (002), not on DIDIT_BASE_URL.
    SCHEMA = SCHEMA.exclude(operation_id="get_client_token")
    if _REMOTE.v2_token is None:
        SCHEMA = SCHEMA.exclude(operation_id="create_session_v2")
    if not _REMOTE.allow_writes:
        # Reads only: no test writes to a deployment unless DIDIT_ALLOW_WRITES=1.
        SCHEMA = SCHEMA.exclude(method=["POST", "PUT", "PATCH", "DELETE"])
        # ... nor the coverage phase's probes with methods the spec does not list.
        SCHEMA.config.phases.coverage.unexpected_methods = set()


READ_ONLY = _REMOTE is not None and not _REMOTE.allow_writes
# unsupported_method sends methods the spec does not list (POST to a GET path...): not for a
# deployment that must only be read.
EXCLUDED_CHECKS = [unsupported_method] if READ_ONLY else []
OPERATIONS = sum(1 for _ in SCHEMA.get_all_operations())
SCHEMA.config.generation.update(
    max_examples=PROFILE.max_examples_for(OPERATIONS),
    deterministic=PROFILE.name == "ci",
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
)


def _resolve_operation_settings_once(config: Any) -> None:
    """Remember, per operation and phase, what `config` resolves for it.

    schemathesis 4.32 merges the `[[operations]]` and `[phases.*]` tables of schemathesis.toml
    into fresh settings objects on every draw and every check of an operation those tables name:
    a sixth of the conformance layer's time (issue 13). The settings are complete by now and
    nothing changes them during the run, so each answer is kept. Only this schema's config is
    affected (instance attributes over the methods of the same name).
    """
    for name in ("phases_for", "generation_for", "checks_config_for"):
        resolve = getattr(config, name)
        answers: dict[tuple[Any, ...], Any] = {}

        def remembered(
            *, operation: Any = None, _resolve: Any = resolve, _answers: Any = answers, **rest: Any
        ) -> Any:
            key = (None if operation is None else operation.label, *sorted(rest.items()))
            if key not in _answers:
                _answers[key] = _resolve(operation=operation, **rest)
            return _answers[key]

        setattr(config, name, remembered)


_resolve_operation_settings_once(SCHEMA.config)


reuse_fixed_dictionaries()


def auth_headers_for(operation_id: str) -> dict[str, str]:
    """The credentials an operation's `security` declares, for the current target."""
    return current_target().headers_for(didit_document().operation(operation_id))


@SCHEMA.auth(refresh_interval=None)
class SpecDeclaredAuth:
    """Sends what each operation's `security` asks for (see `auth_headers_for`).

    As a schemathesis auth provider (not call-time headers), so negative cases can still leave it
    out and the ignored_auth check can send wrong credentials.
    """

    def get(self, case: Any, ctx: Any) -> dict[str, str]:
        return auth_headers_for(case.operation.definition.raw["operationId"])

    def set(self, case: Any, data: dict[str, str], ctx: Any) -> None:
        case.headers = {**(case.headers or {}), **data}


@SCHEMA.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    count_case(SCHEMATHESIS)
    count_response(case.operation.label, response.status_code)


# A 404 for a session that a step of the scenario deleted is no lost resource (Didit's
# verb-style DELETE, didit_contract/stateful_support.py).
register_delete_aware_resource_check()


@schemathesis.check
def client_decodes_response(ctx: Any, response: Any, case: Any) -> None:
    """The generated client decodes the response, and `to_dict()` gives the same JSON back."""
    headers = {key: value[0] for key, value in response.headers.items()}
    assert_decodes_without_loss(
        case.operation.method, case.operation.path, response.status_code, headers, response.content
    )


@schemathesis.check
def pdf_report_is_readable(ctx: Any, response: Any, case: Any) -> None:
    """A 200 `application/pdf` body is a PDF a reader opens, with at least one page.

    (schemathesis has no deserializer for PDF bodies, so response_schema_conformance skips them.)
    """
    content_type = response.headers.get("content-type", [""])[0].split(";")[0].strip()
    if response.status_code != 200 or content_type != "application/pdf":
        return
    # Imported on the first PDF: most workers never see one, and pypdf adds half a second to the
    # start of each.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError as PdfError

    try:
        pages = len(PdfReader(io.BytesIO(response.content)).pages)
    except PdfError as error:
        raise AssertionError(f"the PDF report does not open: {error}") from error
    assert pages >= 1, "the PDF report has no pages"
