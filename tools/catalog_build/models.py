"""botocore's service models, and the CloudTrail eventSource each one logs under."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# Where CloudTrail's eventSource is not ``<endpointPrefix>.amazonaws.com``. Each entry is taken
# from the service's CloudTrail or EventBridge documentation; docs/catalog.md lists them.
EVENT_SOURCE_EXCEPTIONS: dict[str, str] = {
    "cloudhsmv2": "cloudhsm",
    "appstream": "appstream",
    "memorydb": "memorydb",
    "ses": "ses",
    "sesv2": "ses",
    "pinpoint-email": "ses",
    "mailmanager": "ses",
    "lex-models": "lex",
    "lexv2-models": "lex",
    "ivs-realtime": "ivs",
    "bedrock-agent": "bedrock",
    # The runtime API's calls (InvokeModel, StartAsyncInvoke) are logged as Amazon Bedrock's
    # (Bedrock user guide, "Monitor Amazon Bedrock API calls using CloudTrail").
    "bedrock-runtime": "bedrock",
    "bedrock-data-automation": "bedrock",
    "bedrock-agentcore-control": "bedrock-agentcore",
    "chime-sdk-identity": "chime",
    "chime-sdk-media-pipelines": "chime",
    "chime-sdk-meetings": "chime",
    "chime-sdk-messaging": "chime",
    "chime-sdk-voice": "chime",
    "s3control": "s3",
    "timestream-query": "timestream",
    "timestream-write": "timestream",
    "pinpoint-sms-voice": "sms-voice",
    "marketplace-catalog": "catalog.marketplace",
    "iotsecuretunneling": "iot",
}


@dataclass(frozen=True, slots=True)
class ServiceModel:
    name: str  # botocore's service name, e.g. "cloudhsmv2"
    event_source: str
    protocol: str
    iam_prefix: str  # the service's prefix in IAM (``cloudwatch`` where the signing name is ``monitoring``)
    operations: dict[str, Any]
    shapes: dict[str, Any]

    def shape(self, name: str) -> dict[str, Any]:
        shape: dict[str, Any] = self.shapes[name]
        return shape

    def input_members(self, operation: str) -> dict[str, Any]:
        ref = self.operations[operation].get("input")
        if not ref:
            return {}
        members: dict[str, Any] = self.shape(ref["shape"]).get("members", {})
        return members

    def input_payload(self, operation: str) -> str | None:
        """The member that is the request's whole body, where the protocol says so (rest-json)."""
        ref = self.operations[operation].get("input")
        payload = self.shape(ref["shape"]).get("payload") if ref else None
        return str(payload) if payload else None

    def required_inputs(self, operation: str) -> frozenset[str]:
        ref = self.operations[operation].get("input")
        if not ref:
            return frozenset()
        return frozenset(self.shape(ref["shape"]).get("required", []))

    def output_shape(self, operation: str) -> str | None:
        ref = self.operations[operation].get("output")
        return str(ref["shape"]) if ref else None


def event_source_for(service: str, metadata: dict[str, Any]) -> str:
    """The eventSource CloudTrail logs for a service: its endpoint prefix, or the signing name
    where the endpoint prefix is a dotted host label (``api.ecr``), unless documented otherwise."""
    if service in EVENT_SOURCE_EXCEPTIONS:
        return f"{EVENT_SOURCE_EXCEPTIONS[service]}.amazonaws.com"
    prefix = str(metadata.get("endpointPrefix") or service)
    signing = metadata.get("signingName")
    if "." in prefix and isinstance(signing, str) and signing:
        prefix = signing
    return f"{prefix}.amazonaws.com"


def iam_prefix_for(service: str, metadata: dict[str, Any], known: Callable[[str], bool]) -> str:
    """The IAM service prefix: the signing name, else the endpoint prefix, else botocore's name,
    whichever the Service Authorization Reference knows (CloudWatch signs as ``monitoring`` but
    its actions and ARNs are ``cloudwatch``)."""
    candidates = [metadata.get("signingName"), metadata.get("endpointPrefix"), service]
    names = [str(name) for name in candidates if isinstance(name, str) and name]
    return next((name for name in names if known(name)), names[0])


def load_models(known_prefix: Callable[[str], bool] = lambda _: True) -> Iterator[ServiceModel]:
    """The newest model of every service botocore ships, in name order."""
    import botocore.session  # noqa: PLC0415 - only the builder needs botocore

    loader = botocore.session.get_session().get_component("data_loader")
    for service in sorted(loader.list_available_services("service-2")):
        model = loader.load_service_model(service, "service-2")
        metadata = model.get("metadata", {})
        yield ServiceModel(
            name=service,
            event_source=event_source_for(service, metadata),
            protocol=str(metadata.get("protocol", "")),
            iam_prefix=iam_prefix_for(service, metadata, known_prefix),
            operations=model.get("operations", {}),
            shapes=model.get("shapes", {}),
        )


def botocore_version() -> str:
    import botocore  # noqa: PLC0415

    return str(botocore.__version__)
