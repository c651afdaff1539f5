"""The schemathesis view of openapi.yaml shared by the conformance and stateful layers.

Loaded once from the spec file; the base URL and credentials come from the session's target, so
the same schema object tests the emulator or a deployment. Auth follows each operation's
`security` in the spec (`SpecDeclaredAuth`, through `Target.headers_for`). Every response also
goes through the `client_decodes_response` check.
"""

from __future__ import annotations

import io
import os
from typing import Any

import schemathesis
from pypdf import PdfReader
from pypdf.errors import PdfReadError as PdfError
from schemathesis import GenerationMode
from schemathesis.schemas import BaseSchema

from contracts.client_decoding import assert_decodes_without_loss
from contracts.counting import SCHEMATHESIS, count_case, count_response
from contracts.profiles import PROFILE
from contracts.target import current_target, remote_target_from_env
from didit_spec import didit_document, spec_path

__all__ = ["READ_ONLY", "SCHEMA", "auth_headers_for"]

_REMOTE = remote_target_from_env()
if _REMOTE is None:
    # schemathesis.toml names ${DIDIT_API_KEY} for `schemathesis run`; against the local emulator
    # that is its first application's key (the suite itself authenticates through SpecDeclaredAuth).
    from didit_emulator.config import default_config

    os.environ.setdefault("DIDIT_API_KEY", default_config().applications[0].api_key)

SCHEMA: BaseSchema = schemathesis.openapi.from_path(str(spec_path()))
SCHEMA.config.generation.update(
    max_examples=PROFILE.max_examples,
    deterministic=PROFILE.name == "ci",
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
)
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
    try:
        pages = len(PdfReader(io.BytesIO(response.content)).pages)
    except PdfError as error:
        raise AssertionError(f"the PDF report does not open: {error}") from error
    assert pages >= 1, "the PDF report has no pages"
