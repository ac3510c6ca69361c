"""What a record's author may put in a finding (tag keys and values, names) reaches the sinks: it is
shown as itself in Slack, is kept out of an SNS subject's forbidden characters, and a finding a sink
refuses for good waits alone. A sink that redirects has not taken the finding."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import DeliveryError, Dispatcher
from tagwarden.adapters.sinks.sns import SnsSink
from tagwarden.adapters.sinks.webhook import WebhookSink, webhook_body
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.core.settings.sinks import DeliverySettings, SnsSinkSettings, WebhookSinkSettings
from tests.builders.findings import make_finding


def test_slack_control_sequences_in_a_tag_are_shown_not_obeyed() -> None:
    # Slack: &, < and > in message text are sent as &amp;, &lt; and &gt; (else <!channel> notifies
    # the channel and <url|label> draws a link).
    hostile = "<!channel> <https://evil.example/sso|Re-authenticate> & more"
    body = webhook_body(make_finding(new_value=hostile, tag_key="<@U024BE7LH>", explanation=hostile))
    attachment = body["attachments"][0]
    texts = [
        body["text"],
        attachment["fallback"],
        attachment["text"],
        *(f["value"] for f in attachment["fields"]),
    ]
    assert not [text for text in texts if "<" in text or ">" in text]
    assert (
        "&lt;!channel&gt; &lt;https://evil.example/sso|Re-authenticate&gt; &amp; more" in attachment["text"]
    )
    assert body["finding"]["new_value"] == hostile  # the finding itself as it is


class _Redirecting(BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str | None]] = []
    elsewhere = ""

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        type(self).seen.append((self.command, self.path, self.headers.get("Authorization")))
        status, extra = (302, {"Location": type(self).elsewhere}) if self.path == "/hook" else (200, {})
        self.send_response(status)
        for name, value in {**extra, "Content-Length": "0"}.items():
            self.send_header(name, value)
        self.end_headers()

    do_GET = do_POST = _answer

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def redirecting_hook() -> Iterator[str]:
    _Redirecting.seen = []
    server = HTTPServer(("127.0.0.1", 0), _Redirecting)
    _Redirecting.elsewhere = f"http://localhost:{server.server_address[1]}/elsewhere"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def test_a_webhook_that_redirects_has_not_taken_the_finding_and_gets_no_second_request(
    redirecting_hook: str,
) -> None:
    settings = WebhookSinkSettings(
        type="webhook", url=redirecting_hook, headers={"Authorization": "Bearer s"}
    )
    with pytest.raises(DeliveryError, match="HTTP 302") as raised:
        WebhookSink("hook", settings).send(make_finding())
    assert not raised.value.permanent
    assert _Redirecting.seen == [("POST", "/hook", "Bearer s")]  # nothing sent to where it pointed


class _Sns:
    """Publish as SNS documents it: a Subject with a line break or control character is refused."""

    def __init__(self, refuse_ids: tuple[str, ...] = ()) -> None:
        self.subjects: list[str] = []
        self.published: list[str] = []
        self._refuse = refuse_ids

    def publish(self, **request: Any) -> dict[str, str]:
        finding_id = request["MessageAttributes"]["finding_id"]["StringValue"]
        if any(not " " <= c <= "~" for c in request["Subject"]) or finding_id in self._refuse:
            raise ClientError({"Error": {"Code": "InvalidParameter", "Message": "Subject"}}, "Publish")
        self.subjects.append(request["Subject"])
        self.published.append(finding_id)
        return {"MessageId": "m"}


def test_an_sns_subject_holds_only_what_sns_takes() -> None:
    sns = _Sns()
    sink = SnsSink("sns", SnsSinkSettings(type="sns", topic_arn="arn:aws:sns:us-east-1:1:t"), sns)  # type: ignore[arg-type]
    sink.send(make_finding(tag_key="team\nx\u00e9" + "k" * 200))
    assert sns.subjects[0].startswith("tagwarden ") and len(sns.subjects[0]) < 100
    assert "\n" not in sns.subjects[0] and sns.subjects[0].isascii()


def test_a_finding_a_sink_refuses_for_good_waits_alone() -> None:
    store = open_store("sqlite:///:memory:")
    sns = _Sns(refuse_ids=("tw-refused",))
    sink = SnsSink("sns", SnsSinkSettings(type="sns", topic_arn="arn:aws:sns:us-east-1:1:t"), sns)  # type: ignore[arg-type]
    clock = [1000.0]
    dispatcher = Dispatcher(
        store, {"sns": sink}, DeliverySettings(), metrics=Metrics(), log=get_logger(), clock=lambda: clock[0]
    )
    with store.unit() as tx:
        tx.add_findings([make_finding(id="tw-refused", event_id="refused")])
        tx.enqueue_delivery("tw-refused", "sns")
    queued: dict[str, float] = {}
    waited: list[float] = []
    for step in range(1800):  # an hour: a run every 2 s, a new finding every minute
        clock[0] += 2
        if step % 30 == 0:
            finding_id = f"tw-{step}"
            with store.unit() as tx:
                tx.add_findings([make_finding(id=finding_id, event_id=finding_id)])
                tx.enqueue_delivery(finding_id, "sns")
            queued[finding_id] = clock[0]
        before = len(sns.published)
        dispatcher.run_once()
        waited += [clock[0] - queued[f] for f in sns.published[before:]]
    assert len(waited) == len(queued) == 60 and max(waited) <= 2
    assert store.delivery_status("tw-refused")["sns"].startswith("pending after")
