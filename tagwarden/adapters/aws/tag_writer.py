"""Reading and writing one target's tags through its service's own tag API.

S3 buckets: GetBucketTagging/PutBucketTagging (the whole set, so the other keys are resent as
they are); IAM roles and users: List*Tags, Tag*/Untag*; EC2: DescribeTags, CreateTags/DeleteTags;
anything else: the Resource Groups Tagging API (GetResources, TagResources/UntagResources).
"""

from __future__ import annotations

from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.adapters.aws.errors import error_code


class TagWriteError(RuntimeError):
    """The service refused or could not be reached; the message says which call and why."""


def _parts(arn: str) -> tuple[str, str, str]:
    parts = arn.split(":", 5)
    if len(parts) != 6:
        raise TagWriteError(f"not an ARN: {arn}")
    return parts[2], parts[3], parts[5]


class TagWriter:
    def __init__(self, clients: AwsClients) -> None:
        self._clients = clients

    def read(self, arn: str) -> dict[str, str]:
        try:
            return self._read(arn)
        except (ClientError, BotoCoreError) as exc:
            raise TagWriteError(f"reading the tags of {arn}: {exc}") from None

    def write(self, arn: str, key: str, value: str | None) -> None:
        """Set ``key`` to ``value``, or remove it when ``value`` is None."""
        try:
            self._write(arn, key, value)
        except (ClientError, BotoCoreError) as exc:
            raise TagWriteError(f"writing {key} on {arn}: {exc}") from None

    def _read(self, arn: str) -> dict[str, str]:
        service, region, resource = _parts(arn)
        if service == "s3" and "/" not in resource:
            try:
                tag_set = self._clients.s3().get_bucket_tagging(Bucket=resource)["TagSet"]
            except ClientError as exc:
                if error_code(exc) == "NoSuchTagSet":
                    return {}
                raise
            return {t["Key"]: t["Value"] for t in tag_set}
        if service == "iam" and resource.startswith(("role/", "user/")):
            kind, name = resource.split("/", 1)[0], resource.rsplit("/", 1)[1]
            iam: Any = self._clients.iam()
            tags = iam.list_role_tags(RoleName=name) if kind == "role" else iam.list_user_tags(UserName=name)
            return {t["Key"]: t["Value"] for t in tags["Tags"]}
        if service == "ec2":
            resource_id = resource.rsplit("/", 1)[-1]
            found = self._clients.ec2(region or None).describe_tags(
                Filters=[{"Name": "resource-id", "Values": [resource_id]}]
            )
            return {t["Key"]: t["Value"] for t in found["Tags"]}
        mappings = self._clients.tagging(region or None).get_resources(ResourceARNList=[arn])
        items = mappings.get("ResourceTagMappingList", [])
        return {t["Key"]: t["Value"] for t in items[0]["Tags"]} if items else {}

    def _write(self, arn: str, key: str, value: str | None) -> None:
        service, region, resource = _parts(arn)
        if service == "s3" and "/" not in resource:
            tags = self._read(arn)
            if value is None:
                tags.pop(key, None)
            else:
                tags[key] = value
            s3 = self._clients.s3()
            if tags:
                tag_set: Any = [{"Key": k, "Value": v} for k, v in tags.items()]
                s3.put_bucket_tagging(Bucket=resource, Tagging={"TagSet": tag_set})
            else:
                s3.delete_bucket_tagging(Bucket=resource)
            return
        if service == "iam" and resource.startswith(("role/", "user/")):
            self._write_iam(resource, key, value)
            return
        if service == "ec2":
            ec2 = self._clients.ec2(region or None)
            resource_id = resource.rsplit("/", 1)[-1]
            if value is None:
                ec2.delete_tags(Resources=[resource_id], Tags=[{"Key": key}])
            else:
                ec2.create_tags(Resources=[resource_id], Tags=[{"Key": key, "Value": value}])
            return
        tagging = self._clients.tagging(region or None)
        if value is None:
            tagging.untag_resources(ResourceARNList=[arn], TagKeys=[key])
        else:
            tagging.tag_resources(ResourceARNList=[arn], Tags={key: value})

    def _write_iam(self, resource: str, key: str, value: str | None) -> None:
        kind, name = resource.split("/", 1)[0], resource.rsplit("/", 1)[1]
        iam: Any = self._clients.iam()
        if kind == "role":
            if value is None:
                iam.untag_role(RoleName=name, TagKeys=[key])
            else:
                iam.tag_role(RoleName=name, Tags=[{"Key": key, "Value": value}])
        elif value is None:
            iam.untag_user(UserName=name, TagKeys=[key])
        else:
            iam.tag_user(UserName=name, Tags=[{"Key": key, "Value": value}])
