"""The on-call view: server-rendered HTML pages of the findings, on the daemon's port.

``/findings`` lists findings (filters as on ``/api/findings``: severity, kind, status, account, limit);
``/findings/<id>`` shows one with the raw record, the target's history and the rule. The pages need no
JavaScript and fetch nothing; every value is escaped, and a Content-Security-Policy forbids scripts.
"""

from __future__ import annotations

from urllib.parse import unquote

from tagwarden.adapters.http.endpoints import finding_detail, finding_filter
from tagwarden.adapters.http.pages.detail import DETAIL_HOME, FindingDetail, detail_page, missing_page
from tagwarden.adapters.http.pages.listing import LIST_HOME, FilterForm, list_page
from tagwarden.adapters.http.pages.markup import html_response
from tagwarden.adapters.http.routing import Handler, Request, Response, Router
from tagwarden.adapters.store import Store
from tagwarden.core.governance import CompiledPolicy

LIST_PATH = "/findings"
DETAIL_PREFIX = "/findings/"


def list_handler(store: Store) -> Handler:
    def handle(request: Request) -> Response:
        form = FilterForm.from_request(request)
        where = finding_filter(request)
        if isinstance(where, str):
            return html_response(list_page([], form, None, error=where), 400)
        findings = list(store.iter_findings(where))
        return html_response(list_page(findings, form, where.limit, error=None))

    return handle


def detail_handler(store: Store, policy: CompiledPolicy) -> Handler:
    def handle(request: Request) -> Response:
        finding_id = unquote(request.path.removeprefix(DETAIL_PREFIX))
        if not finding_id:  # /findings/ : the list lives at /findings
            return Response(308, b"", headers={"Location": f"../{LIST_HOME}"})
        detail = finding_detail(store, finding_id)
        if detail is None:
            home = "../" * finding_id.count("/") + DETAIL_HOME
            return html_response(missing_page(finding_id, home), 404)
        return html_response(detail_page(FindingDetail.from_dict(detail), policy))

    return handle


def install_pages(router: Router, store: Store, policy: CompiledPolicy) -> None:
    """Add /findings and /findings/<id> to ``router`` (its token, if any, guards them)."""
    router.add(LIST_PATH, list_handler(store))
    router.add_prefix(DETAIL_PREFIX, detail_handler(store, policy))
