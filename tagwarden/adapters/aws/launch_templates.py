"""A launch template version as EC2 describes it now (DescribeLaunchTemplates,
DescribeLaunchTemplateVersions): for templates made before tagwarden watched, which no record
taught it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import NO_ANSWER, error_code
from tagwarden.core.compute import TemplateRef, TemplateUpdate, profile_key

if TYPE_CHECKING:
    from mypy_boto3_ec2 import EC2Client


class EC2LaunchTemplates:
    """``described(ref)``: the version ``ref`` names, with its instance profile and the template's
    $Default and $Latest, as a ``TemplateUpdate`` the compute state learns; None where this daemon's
    account is not the template's, or EC2 does not say (no such template or version, denied)."""

    def __init__(self, ec2: Callable[[str], EC2Client], account: Callable[[], str | None], log: Any) -> None:
        self._ec2 = ec2  # a client for a region
        self._account = account  # this daemon's account, None while unknown
        self._log = log

    def __call__(self, ref: TemplateRef) -> TemplateUpdate | None:
        if ref.account != self._account():
            return None  # another account's templates: this daemon's credentials do not reach them
        ec2 = self._ec2(ref.region)
        try:
            if ref.template_id:
                listed = ec2.describe_launch_templates(LaunchTemplateIds=[ref.template_id])
                versions = ec2.describe_launch_template_versions(
                    LaunchTemplateId=ref.template_id, Versions=[ref.version or "$Default"]
                )
            elif ref.name:
                listed = ec2.describe_launch_templates(LaunchTemplateNames=[ref.name])
                versions = ec2.describe_launch_template_versions(
                    LaunchTemplateName=ref.name, Versions=[ref.version or "$Default"]
                )
            else:
                return None
        except ClientError as exc:
            code = error_code(exc) or str(exc)
            # Deleted since the record, or never there: nothing to learn, and nothing wrong here.
            say = self._log.info if "NotFound" in code else self._log.warning
            say("launch_template_unavailable", template=ref.describe(), error=code)
            return None
        except NO_ANSWER as exc:
            self._log.warning("launch_template_unavailable", template=ref.describe(), error=str(exc))
            return None
        templates, found = listed.get("LaunchTemplates") or [], versions.get("LaunchTemplateVersions") or []
        if len(templates) != 1 or len(found) != 1:
            return None
        return _described(ref, templates[0], found[0])


def _described(ref: TemplateRef, template: Any, version: Any) -> TemplateUpdate | None:
    try:
        template_id, name = str(template["LaunchTemplateId"]), str(template["LaunchTemplateName"])
        number, default = int(version["VersionNumber"]), int(template["DefaultVersionNumber"])
        latest = int(template["LatestVersionNumber"])
    except (KeyError, TypeError, ValueError):
        return None
    spec = (version.get("LaunchTemplateData") or {}).get("IamInstanceProfile") or {}
    profile = spec.get("Arn") or spec.get("Name")
    return TemplateUpdate(
        TemplateRef(ref.account, ref.region, template_id, name),
        version=number,
        profile=profile_key(ref.account, str(profile)) if profile else None,
        default=default,
        latest=latest,
    )
