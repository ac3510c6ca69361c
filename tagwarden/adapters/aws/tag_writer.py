"""Reading and writing one target's tags through its service's own tag API.

S3 buckets: GetBucketTagging/PutBucketTagging (the whole set, so the other keys are resent as
they are); IAM roles and users: List*Tags, Tag*/Untag*; EC2: DescribeTags, CreateTags/DeleteTags;
anything else: the Resource Groups Tagging API (GetResources, TagResources/UntagResources).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.adapters.aws.error_codes import (
    AWS_ERRORS,
    NO_ANSWER,
    error_code,
    is_transient,
    transient_answer,
)
from tagwarden.core.arn import arn_account


class TagWriteError(RuntimeError):
    """The service refused or could not be reached; the message says which call and why.
    ``transient``: throttled, a 5xx or no answer, so worth trying again soon; otherwise AWS
    refused this target (denied, not found, invalid), which says nothing of the others."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


def _failed(doing: str, exc: Exception) -> TagWriteError:
    transient = isinstance(exc, NO_ANSWER) or is_transient(exc)
    return TagWriteError(f"{doing}: {exc}", transient=transient)


def _parts(arn: str) -> tuple[str, str, str]:
    parts = arn.split(":", 5)
    if len(parts) != 6:
        raise TagWriteError(f"not an ARN: {arn}")
    return parts[2], parts[3], parts[5]


def _ec2_id(ec2: Any, resource: str) -> str:
    """The id EC2's tag calls take: the ARN's last part, except for the types whose ARN holds a
    name (key pairs, placement groups), whose id is looked up by that name."""
    kind, _, name = resource.partition("/")
    if kind == "key-pair":
        return str(ec2.describe_key_pairs(KeyNames=[name])["KeyPairs"][0]["KeyPairId"])
    if kind == "placement-group":
        return str(ec2.describe_placement_groups(GroupNames=[name])["PlacementGroups"][0]["GroupId"])
    return resource.rsplit("/", 1)[-1]


def remediator_clients(clients: AwsClients, role: str) -> Callable[[str], AwsClients]:
    """Clients for the target's account: the remediator role assumed there when ``role`` names one
    (``arn:aws:iam::*:role/NAME``: the account filled in; ``arn:aws:iam::ACCOUNT:role/NAME``: that
    account only), the daemon's own otherwise, in the daemon's own account only. IAM's tag calls
    name a role or user by its name alone: clients acting in another account than the target's
    would read and retag that account's principal of the same name."""
    parts = role.split(":", 5)
    named = len(parts) == 6 and "*" not in parts[5] and "?" not in parts[5]
    if named and parts[4] in ("*", ""):

        def assumed(account: str) -> AwsClients:
            arn = ":".join([*parts[:4], account, parts[5]])
            return clients.assume_role(arn, "tagwarden-revert")

        return assumed
    if named and "*" not in parts[4] and "?" not in parts[4]:

        def the_role(account: str) -> AwsClients:
            if account != parts[4]:
                raise TagWriteError(f"remediation.role {role} is in account {parts[4]}, not {account}")
            return clients.assume_role(role, "tagwarden-revert")

        return the_role
    own: list[str] = []

    def own_clients(account: str) -> AwsClients:
        if not own:
            own.append(str(clients.sts().get_caller_identity()["Account"]))
        if account != own[0]:
            raise TagWriteError(
                f"remediation.role {role!r} names no role to assume: the daemon's own credentials "
                f"act in {own[0]}, not {account}"
            )
        return clients

    return own_clients


def _same_account(arn: str, account: str) -> None:
    """The target's ARN names the account the remediator acts in (or none, as S3's)."""
    named = arn_account(arn)
    if named is not None and named != account:
        raise TagWriteError(f"{arn} is in account {named}, not {account} where the revert would act")


class TagWriter:
    """Reads and writes tags as the remediator: ``clients_for(account)`` gives its clients there."""

    def __init__(self, clients_for: Callable[[str], AwsClients]) -> None:
        self._clients_for = clients_for

    def read(self, arn: str, account: str) -> dict[str, str]:
        _same_account(arn, account)
        try:
            return self._read(self._clients_for(account), arn)
        except AWS_ERRORS as exc:
            raise _failed(f"reading the tags of {arn}", exc) from None

    def write(self, arn: str, account: str, key: str, value: str | None) -> None:
        """Set ``key`` to ``value``, or remove it when ``value`` is None."""
        _same_account(arn, account)
        try:
            self._write(self._clients_for(account), arn, key, value)
        except AWS_ERRORS as exc:
            raise _failed(f"writing {key} on {arn}", exc) from None

    def _read(self, aws: AwsClients, arn: str) -> dict[str, str]:
        service, region, resource = _parts(arn)
        if service == "s3" and "/" not in resource:
            try:
                tag_set = aws.s3().get_bucket_tagging(Bucket=resource)["TagSet"]
            except ClientError as exc:
                if error_code(exc) == "NoSuchTagSet":
                    return {}
                raise
            return {t["Key"]: t["Value"] for t in tag_set}
        if service == "iam" and resource.startswith(("role/", "user/")):
            kind, name = resource.split("/", 1)[0], resource.rsplit("/", 1)[1]
            iam: Any = aws.iam()
            tags = iam.list_role_tags(RoleName=name) if kind == "role" else iam.list_user_tags(UserName=name)
            return {t["Key"]: t["Value"] for t in tags["Tags"]}
        if service == "ec2":
            ec2 = aws.ec2(region or None)
            found = ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [_ec2_id(ec2, resource)]}])
            return {t["Key"]: t["Value"] for t in found["Tags"]}
        mappings = aws.tagging(region or None).get_resources(ResourceARNList=[arn])
        items = mappings.get("ResourceTagMappingList", [])
        return {t["Key"]: t["Value"] for t in items[0]["Tags"]} if items else {}

    def _write(self, aws: AwsClients, arn: str, key: str, value: str | None) -> None:
        service, region, resource = _parts(arn)
        if service == "s3" and "/" not in resource:
            tags = self._read(aws, arn)
            if value is None:
                tags.pop(key, None)
            else:
                tags[key] = value
            s3 = aws.s3()
            if tags:
                tag_set: Any = [{"Key": k, "Value": v} for k, v in tags.items()]
                s3.put_bucket_tagging(Bucket=resource, Tagging={"TagSet": tag_set})
            else:
                s3.delete_bucket_tagging(Bucket=resource)
            return
        if service == "iam" and resource.startswith(("role/", "user/")):
            self._write_iam(aws, resource, key, value)
            return
        if service == "ec2":
            ec2 = aws.ec2(region or None)
            resource_id = _ec2_id(ec2, resource)
            if value is None:
                ec2.delete_tags(Resources=[resource_id], Tags=[{"Key": key}])
            else:
                ec2.create_tags(Resources=[resource_id], Tags=[{"Key": key, "Value": value}])
            return
        tagging = aws.tagging(region or None)
        if value is None:
            answer: Any = tagging.untag_resources(ResourceARNList=[arn], TagKeys=[key])
        else:
            answer = tagging.tag_resources(ResourceARNList=[arn], Tags={key: value})
        # The tagging API answers 200 when the resource's service refused: the refusal is here.
        for failure in (answer.get("FailedResourcesMap") or {}).values():  # one ARN asked: any is it
            code = failure.get("ErrorCode", "") or str(failure.get("StatusCode", "unknown"))
            raise TagWriteError(
                f"writing {key} on {arn}: {code}: {failure.get('ErrorMessage', '')}",
                transient=transient_answer(code, failure.get("StatusCode")),
            )

    def _write_iam(self, aws: AwsClients, resource: str, key: str, value: str | None) -> None:
        kind, name = resource.split("/", 1)[0], resource.rsplit("/", 1)[1]
        iam: Any = aws.iam()
        if kind == "role":
            if value is None:
                iam.untag_role(RoleName=name, TagKeys=[key])
            else:
                iam.tag_role(RoleName=name, Tags=[{"Key": key, "Value": value}])
        elif value is None:
            iam.untag_user(UserName=name, TagKeys=[key])
        else:
            iam.tag_user(UserName=name, Tags=[{"Key": key, "Value": value}])
