"""Targets as ARNs: built from ids where the service's ARN format allows it."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

ARN_PREFIX = "arn:"


class Arn(NamedTuple):
    """The six fields of ``arn:partition:service:region:account:resource``."""

    partition: str
    service: str
    region: str
    account: str
    resource: str

    @property
    def resource_type(self) -> str:
        """What the resource part names before its first "/" or ":" ("role", "bucket"...); S3
        buckets have no type in their ARN and get "bucket"."""
        if self.service == "s3" and "/" not in self.resource:
            return "bucket"
        for separator in ("/", ":"):
            if separator in self.resource:
                return self.resource.split(separator, 1)[0]
        return ""

    def __str__(self) -> str:
        return ":".join(("arn", *self))


def parse_arn(text: str) -> Arn | None:
    """The fields of an ARN, or None when ``text`` is not one."""
    parts = text.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn":
        return None
    return Arn(parts[1], parts[2], parts[3], parts[4], parts[5])


def arn_account(arn: str) -> str | None:
    """The account segment of an ARN, or None when the ARN carries none (S3 buckets)."""
    parsed = parse_arn(arn)
    return parsed.account if parsed is not None and parsed.account else None


def arn_service(arn: str) -> str:
    parsed = parse_arn(arn)
    return parsed.service if parsed is not None else ""


# EC2 ids carry their resource type in a prefix. Longest prefixes first, so that
# "tgw-attach-" wins over "tgw-" and "vpce-svc-" over "vpce-".
_EC2_PREFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "i-": "instance",
            "vol-": "volume",
            "snap-": "snapshot",
            "ami-": "image",
            "aki-": "image",
            "ari-": "image",
            "afi-": "fpga-image",
            "sg-": "security-group",
            "subnet-": "subnet",
            "vpc-": "vpc",
            "eni-": "network-interface",
            "igw-": "internet-gateway",
            "eigw-": "egress-only-internet-gateway",
            "rtb-": "route-table",
            "acl-": "network-acl",
            "dopt-": "dhcp-options",
            "eipalloc-": "elastic-ip",
            "lt-": "launch-template",
            "key-": "key-pair",
            "nat-": "natgateway",
            "pcx-": "vpc-peering-connection",
            "tgw-": "transit-gateway",
            "tgw-attach-": "transit-gateway-attachment",
            "tgw-rtb-": "transit-gateway-route-table",
            "tgw-mcast-domain-": "transit-gateway-multicast-domain",
            "vpce-": "vpc-endpoint",
            "vpce-svc-": "vpc-endpoint-service",
            "cgw-": "customer-gateway",
            "vgw-": "vpn-gateway",
            "vpn-": "vpn-connection",
            "fl-": "vpc-flow-log",
            "pl-": "prefix-list",
            "sir-": "spot-instances-request",
            "fleet-": "fleet",
            "cr-": "capacity-reservation",
            "pg-": "placement-group",
            "h-": "dedicated-host",
            "ipam-": "ipam",
            "ipam-pool-": "ipam-pool",
            "ipam-scope-": "ipam-scope",
            "cvpn-endpoint-": "client-vpn-endpoint",
            "elastic-gpu-": "elastic-gpu",
            "import-ami-": "import-image-task",
            "import-snap-": "import-snapshot-task",
            "export-i-": "export-instance-task",
            "lgw-": "local-gateway",
            "sgr-": "security-group-rule",
            "tmf-": "traffic-mirror-filter",
            "iew-": "instance-event-window",
            "tmt-": "traffic-mirror-target",
            "tms-": "traffic-mirror-session",
            # Newer types; prefixes as the EC2 API reference's examples show them.
            "sfr-": "spot-fleet-request",
            "eice-": "instance-connect-endpoint",
            "cagw-": "carrier-gateway",
            "crf-": "capacity-reservation-fleet",
            "hr-": "host-reservation",
            "export-ami-": "export-image-task",
            "replacevol-": "replace-root-volume-task",
            "ipam-res-disco-": "ipam-resource-discovery",
            "ipam-res-disco-assoc-": "ipam-resource-discovery-association",
            "ipv4pool-ec2-": "ipv4pool-ec2",
            "ipv6pool-ec2-": "ipv6pool-ec2",
            # Service Authorization Reference: coip-pool/${Ipv4PoolCoipId}.
            "ipv4pool-coip-": "coip-pool",
            "lgw-rtb-": "local-gateway-route-table",
            "lgw-vif-": "local-gateway-virtual-interface",
            "lgw-vif-grp-": "local-gateway-virtual-interface-group",
            "lgw-vpc-assoc-": "local-gateway-route-table-vpc-association",
            "nip-": "network-insights-path",
            "nia-": "network-insights-analysis",
            "nis-": "network-insights-access-scope",
            "nisa-": "network-insights-access-scope-analysis",
            "tgw-connect-peer-": "transit-gateway-connect-peer",
            "tgw-ptb-": "transit-gateway-policy-table",
            "tgw-rtb-ann-": "transit-gateway-route-table-announcement",
            "tmfr-": "traffic-mirror-filter-rule",
            "vai-": "verified-access-instance",
            "vagr-": "verified-access-group",
            "vae-": "verified-access-endpoint",
            "vatp-": "verified-access-trust-provider",
            "vpce-svc-perm-": "vpc-endpoint-service-permission",
            "rs-": "route-server",
            "rse-": "route-server-endpoint",
            "rsp-": "route-server-peer",
            "scr-": "subnet-cidr-reservation",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)
# Resource types whose ARNs have no account: they can be shared or public.
_EC2_NO_ACCOUNT = frozenset({"image", "snapshot"})
# Resource types whose ARNs hold the resource's name, not its id (Service Authorization
# Reference: key-pair/${KeyPairName}, placement-group/${PlacementGroupName}): an id gives no ARN.
EC2_NAMED_TYPES = frozenset({"key-pair", "placement-group"})
# IPAM is global to an account: its ARNs have no region (Service Authorization Reference).
_EC2_NO_REGION = frozenset(
    {
        "ipam",
        "ipam-pool",
        "ipam-scope",
        "ipam-resource-discovery",
        "ipam-resource-discovery-association",
    }
)

EC2_TYPE_PREFIX: dict[str, str] = {}
for _prefix, _kind in reversed(_EC2_PREFIXES):
    EC2_TYPE_PREFIX.setdefault(_kind, _prefix)


def partition_for(region: str, hint_arn: str | None = None) -> str:
    """The partition of a region, or of an ARN the record already holds."""
    if hint_arn and hint_arn.startswith(ARN_PREFIX):
        part = hint_arn.split(":", 2)[1]
        if part:
            return part
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    if region.startswith("us-isob-"):
        return "aws-iso-b"
    if region.startswith("us-iso-"):
        return "aws-iso"
    return "aws"


_ACCOUNT_ID = re.compile(r"[0-9]{12}")
_REGION_NAME = re.compile(r"[a-z]{2}(-[a-z]+)+-[0-9]{1,2}")


def is_log_origin(account: str, region: str) -> bool:
    """An account id and a region name, as a record's recipientAccountId and awsRegion hold them:
    only these are kept as log origins (metric series, store rows), so forged records cannot
    make unbounded names of them."""
    return bool(_ACCOUNT_ID.fullmatch(account) and _REGION_NAME.fullmatch(region))


def is_arn(value: str) -> bool:
    return value.startswith(ARN_PREFIX) and value.count(":") >= 5


_EC2_KIND_BY_PREFIX = dict(_EC2_PREFIXES)


def ec2_resource_type(resource_id: str) -> str | None:
    # An id is its type's prefix and a hex suffix: the prefix ends at the last dash.
    kind = _EC2_KIND_BY_PREFIX.get(resource_id[: resource_id.rfind("-") + 1])
    if kind is not None:
        return kind
    for prefix, candidate in _EC2_PREFIXES:
        if resource_id.startswith(prefix):
            return candidate
    return None


def ec2_arn(resource_id: str, region: str, account: str, partition: str = "aws") -> str | None:
    """The ARN of an EC2 resource from its id; None where the id's prefix names no known type, or a
    type whose ARN holds its name."""
    if is_arn(resource_id):
        return resource_id
    kind = ec2_resource_type(resource_id)
    if kind is None or kind in EC2_NAMED_TYPES:
        return None
    owner = "" if kind in _EC2_NO_ACCOUNT else account
    where = "" if kind in _EC2_NO_REGION else region
    return f"arn:{partition}:ec2:{where}:{owner}:{kind}/{resource_id}"


def unresolved_target(service: str, resource_type: str, resource_id: str = "?") -> str:
    """What a record says of a target whose ARN it does not determine: ``<service>:<type>/<id>``
    (``?`` where it names no id). Never an ARN: it does not start with ``arn:``."""
    return f"{service}:{resource_type}/{resource_id}"


@lru_cache(maxsize=8192)
def canonical_principal(arn: str) -> str:
    """An IAM user or role ARN without its path: names are unique per account whatever the path,
    and CloudTrail's TagRole/TagUser records carry only the name."""
    parsed = parse_arn(arn)
    if parsed is None or parsed.service != "iam":
        return arn
    kind, _, rest = parsed.resource.partition("/")
    if kind in ("role", "user") and "/" in rest:
        return str(parsed._replace(resource=f"{kind}/{rest.rsplit('/', 1)[1]}"))
    return arn


def is_iam_principal(arn: str) -> bool:
    """An IAM user or role ARN: the principals whose tags ABAC policies read."""
    parsed = parse_arn(arn)
    return parsed is not None and parsed.service == "iam" and parsed.resource.startswith(("role/", "user/"))
