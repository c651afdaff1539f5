"""The user's half of a verification, and the customer's endpoints: the HTTP layer of issue 10.

One method per operationId for the sandbox arm and the webhook-destination operations of
openapi.yaml (`DiditResponses` inherits them, so `urls.py` dispatches to them like any other), and
the hosted verification page behind each session `url`: a plain HTML form (no JavaScript) that
plays the user's part with a sandbox scenario and sends the browser back to the `callback`.

The session token is a secret: it appears only in the page's URL path (the access log writes the
path template), never in the page itself, a cookie, a redirect or a log line; pages and redirects
carry `Referrer-Policy: no-referrer` so the browser does not hand the URL on to the callback.
"""

from __future__ import annotations

from html import escape
from urllib.parse import parse_qs

from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .exceptions import ClientWentAway, error_response
from .models import EmulatorBackend
from .models.sandbox import HostedPage, PageKind, ScenarioChoice, UnknownScenario
from .pipeline import Call
from .results import REGISTRY
from .serialization import JSONResponse
from .spec_values import Feature

__all__ = ["DEVICE_COOKIE", "JourneyResponses"]

# Tells the devices that open a session's page apart (a random id, not the session token).
DEVICE_COOKIE = "didit_emulator_device"
# Form bodies larger than this are refused: the form has one short field.
_MAX_FORM_BYTES = 16 * 1024
_PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
}

F = Feature
# What the page calls each step of a workflow.
_STEP_NAMES: dict[Feature | str, str] = {
    F.ID_VERIFICATION: "Identity document",
    F.NFC: "Document chip (NFC)",
    F.LIVENESS: "Liveness check",
    F.FACE_MATCH: "Face match",
    F.AML: "AML screening",
    F.PHONE: "Phone verification",
    F.EMAIL: "E-mail verification",
    F.POA: "Proof of address",
    F.IP_ANALYSIS: "IP analysis",
    F.DATABASE_VALIDATION: "Government database check",
    F.AGE_ESTIMATION: "Age estimation",
    REGISTRY: "Business registry",
}
_KYB_STEPS = ("Business registry", "Key people", "Company documents")


def _step_name(step: Feature | str) -> str:
    return _STEP_NAMES.get(step) or str(step).replace("_", " ").capitalize()


def _document(title: str, body: str, status_code: int = 200) -> HTMLResponse:
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f'<body><main><p class="banner">Didit emulator · sandbox</p>{body}</main></body></html>\n'
    )
    return HTMLResponse(page, status_code=status_code, headers=_PAGE_HEADERS)


_STYLE = (
    "body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1b1d21}"
    "main{max-width:44rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px}"
    ".banner{font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:#6b7280}"
    "fieldset{border:1px solid #d1d5db;border-radius:6px}label{display:block;padding:.35rem 0}"
    ".outcome{font-weight:600}button{margin-top:1rem;padding:.6rem 1.4rem;font-size:1rem}"
)


def _choice_text(choice: ScenarioChoice) -> str:
    if choice.deciding_step is None or choice.risk is None:
        return "every step approved"
    return f"{_step_name(choice.deciding_step)}: {choice.risk} ({choice.risk_text})"


def _form_page(page: HostedPage, problem: str | None = None) -> HTMLResponse:
    steps = [_step_name(step) for step in page.steps]
    if page.business:
        steps = [*_KYB_STEPS, *steps]
    options = []
    for choice in page.choices:
        value = escape(choice.scenario.value)
        checked = " checked" if choice.scenario is page.selected else ""
        options.append(
            f'<label><input type="radio" name="scenario" value="{value}"{checked}> '
            f'<code>{value}</code> → <span class="outcome">{escape(choice.outcome.value)}</span>'
            f" — {escape(_choice_text(choice))}</label>"
        )
    alert = f'<p role="alert"><strong>{escape(problem)}</strong></p>' if problem else ""
    body = (
        f"<h1>{escape(page.application_name or '')}</h1>"
        f'<p>Workflow <strong id="workflow">{escape(page.workflow_name or "")}</strong> · '
        f"session {page.session_number} ({escape(page.session_id or '')}) · "
        f"{escape(page.status.value if page.status else '')}</p>"
        '<h2>Steps</h2><ol id="steps">'
        + "".join(f"<li>{escape(step)}</li>" for step in steps)
        + "</ol>"
        + alert
        + '<form method="post"><fieldset><legend>Sandbox scenario: how this verification ends'
        "</legend>" + "".join(options) + "</fieldset>"
        '<button type="submit">Complete verification</button></form>'
    )
    return _document(f"Verify — {page.application_name}", body, 400 if problem else 200)


def _finished_page(page: HostedPage) -> HTMLResponse:
    status = escape(page.status.value if page.status else "")
    if page.already_finished:
        lead = "This verification was already finished."
    else:
        lead = "This verification is finished."
    if page.other_device:
        after = "Go back to the device you started on to continue."
    else:
        after = "You can close this page."
    body = (
        f"<h1>{escape(page.application_name or '')}</h1><p>{lead}</p>"
        f'<p>Status: <strong id="status">{status}</strong></p><p>{after}</p>'
    )
    return _document("Verification finished", body, 409 if page.already_finished else 200)


def _closed_page(page: HostedPage) -> HTMLResponse:
    if page.kind is PageKind.EXPIRED:
        body = (
            f"<h1>{escape(page.application_name or '')}</h1>"
            "<p>This verification link has expired. Ask for a new one.</p>"
        )
        return _document("Verification expired", body, 410)
    body = "<h1>Verification not found</h1><p>This verification link is not valid.</p>"
    return _document("Verification not found", body, 404)


def _respond(page: HostedPage) -> Response:
    response: Response
    if page.redirect_to is not None:
        response = RedirectResponse(page.redirect_to, status_code=303, headers=_PAGE_HEADERS)
    elif page.kind is PageKind.FORM:
        response = _form_page(page)
    elif page.kind is PageKind.FINISHED:
        response = _finished_page(page)
    else:
        response = _closed_page(page)
    if page.device is not None:
        response.set_cookie(
            DEVICE_COOKIE, page.device, path="/session/", httponly=True, samesite="lax"
        )
    return response


async def _form_scenario(request: Request) -> str | None:
    """The `scenario` field of an urlencoded form body; None when absent."""
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > _MAX_FORM_BYTES:
            raise UnknownScenario("the form is too large")
    try:
        fields = parse_qs(raw.decode("utf-8", "replace"), max_num_fields=16)
    except ValueError:  # more fields than the form has: not an answer to it
        raise UnknownScenario("the form has too many fields") from None
    values = fields.get("scenario")
    return values[0] if values else None


class JourneyResponses:
    """Sandbox arm, webhook destinations, and the hosted page."""

    backend: EmulatorBackend

    # --- sandbox ----------------------------------------------------------------------------

    def arm_sandbox_scenario(self, call: Call) -> Response:
        armed = self.backend.arm_scenario(
            call.app, call.params["sessionId"], call.credential, call.body["scenario"]
        )
        return JSONResponse(armed)

    # --- webhook destinations ---------------------------------------------------------------

    def list_webhook_destinations(self, call: Call) -> Response:
        return JSONResponse(self.backend.list_webhook_destinations(call.app))

    def create_webhook_destination(self, call: Call) -> Response:
        created = self.backend.create_webhook_destination(call.app, call.body)
        return JSONResponse(created, status_code=201)

    def get_webhook_destination(self, call: Call) -> Response:
        uuid = call.params["destination_uuid"]
        return JSONResponse(self.backend.get_webhook_destination(call.app, uuid))

    def update_webhook_destination(self, call: Call) -> Response:
        uuid = call.params["destination_uuid"]
        return JSONResponse(self.backend.update_webhook_destination(call.app, uuid, call.body))

    def delete_webhook_destination(self, call: Call) -> Response:
        self.backend.delete_webhook_destination(call.app, call.params["destination_uuid"])
        return Response(status_code=204)

    # --- the hosted page --------------------------------------------------------------------

    async def session_page(self, request: Request) -> Response:
        """The session `url`: GET shows the form (or why there is none), POST submits it."""
        request.state.log_path = "/session/{session_token}"
        token = str(request.path_params["session_token"])
        device = request.cookies.get(DEVICE_COOKIE) or None
        if request.method != "POST":
            return _respond(self.backend.open_hosted_page(token, device))
        try:
            scenario = await _form_scenario(request)
            page = self.backend.finish_on_hosted_page(token, scenario, device)
        except ClientDisconnect:  # nothing was submitted, and there is nobody to answer
            return error_response(ClientWentAway(), {})
        except UnknownScenario:
            page = self.backend.open_hosted_page(token, device)
            if page.kind is PageKind.FORM:
                return _form_page(page, problem="Pick one of the scenarios listed.")
        return _respond(page)
