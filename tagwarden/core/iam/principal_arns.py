"""Who is asking: the principal ARNs the engine understands, and the ARN account helper."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from tagwarden.core.arn import parse_arn


class PrincipalKind(Enum):
    USER = "User"
    ROLE = "Role"  # a role ARN used as the principal: treated as a session of unknown name
    SESSION = "AssumedRole"
    FEDERATED_USER = "FederatedUser"
    ROOT = "Account"
    SERVICE = "Service"


@dataclass(frozen=True, slots=True)
class PrincipalInfo:
    arn: str  # as given in the request
    kind: PrincipalKind
    partition: str
    account: str  # "" for service principals
    name: str  # user, role or federated-user name; the service name for services
    role_path: str = "/"  # only known when the request names the role ARN itself
    session_name: str = ""

    @property
    def principal_arn(self) -> str:
        """``aws:PrincipalArn``: the role ARN for a role session, the caller's ARN otherwise."""
        if self.kind in (PrincipalKind.SESSION, PrincipalKind.ROLE):
            return f"arn:{self.partition}:iam::{self.account}:role{self.role_path}{self.name}"
        return self.arn

    @property
    def is_session(self) -> bool:
        return self.kind in (PrincipalKind.SESSION, PrincipalKind.ROLE, PrincipalKind.FEDERATED_USER)

    @property
    def is_role(self) -> bool:
        return self.kind in (PrincipalKind.SESSION, PrincipalKind.ROLE)

    @property
    def looks_service_linked(self) -> bool:
        """Service-linked roles live under /aws-service-role/ and are named AWSServiceRoleFor..."""
        return self.is_role and (
            self.role_path.startswith("/aws-service-role/") or self.name.startswith("AWSServiceRoleFor")
        )

    @property
    def context_keys(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The context keys that depend on the principal alone (see ``context.build_context``)."""
        return _principal_context_keys(self)


@lru_cache(maxsize=4096)
def parse_principal(arn: str) -> PrincipalInfo:
    """Parse an IAM user, role, assumed-role session, federated-user, root or service principal."""
    if not arn.startswith("arn:"):
        if "." in arn and " " not in arn:
            return PrincipalInfo(arn, PrincipalKind.SERVICE, "aws", "", arn)
        raise ValueError(f"unsupported principal {arn!r}: expected an IAM or STS ARN or a service name")
    parsed = parse_arn(arn)
    if parsed is None or not parsed.account.isdigit():
        raise ValueError(f"unsupported principal ARN {arn!r}")
    partition, service, _, account, resource = parsed
    if service == "iam" and resource == "root":
        return PrincipalInfo(arn, PrincipalKind.ROOT, partition, account, "root")
    kind_name, _, rest = resource.partition("/")
    if service == "iam" and kind_name in ("user", "role") and rest:
        path, _, name = rest.rpartition("/")
        role_path = f"/{path}/" if path else "/"
        if kind_name == "user":
            return PrincipalInfo(arn, PrincipalKind.USER, partition, account, name)
        return PrincipalInfo(arn, PrincipalKind.ROLE, partition, account, name, role_path=role_path)
    if service == "sts" and kind_name == "assumed-role":
        role_name, _, session = rest.partition("/")
        if role_name and session:
            return PrincipalInfo(
                arn, PrincipalKind.SESSION, partition, account, role_name, session_name=session
            )
    if service == "sts" and kind_name == "federated-user" and rest:
        return PrincipalInfo(arn, PrincipalKind.FEDERATED_USER, partition, account, rest)
    raise ValueError(f"unsupported principal ARN {arn!r}")


@lru_cache(maxsize=4096)
def _principal_context_keys(principal: PrincipalInfo) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if principal.kind is PrincipalKind.SERVICE:
        return (("aws:principalisawsservice", ("true",)),)
    principal_type = "AssumedRole" if principal.kind is PrincipalKind.ROLE else principal.kind.value
    keys = [
        ("aws:principalarn", (principal.principal_arn,)),
        ("aws:principalaccount", (principal.account,)),
        ("aws:principaltype", (principal_type,)),
        ("aws:principalisawsservice", ("false",)),
    ]
    if principal.kind is PrincipalKind.USER:
        keys.append(("aws:username", (principal.name,)))
    # aws:userid is a unique id AWS assigns for users and roles; only these two are derivable.
    if principal.kind is PrincipalKind.ROOT:
        keys.append(("aws:userid", (principal.account,)))
    elif principal.kind is PrincipalKind.FEDERATED_USER:
        keys.append(("aws:userid", (f"{principal.account}:{principal.name}",)))
    return tuple(keys)
