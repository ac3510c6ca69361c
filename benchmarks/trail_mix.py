"""Log files that look like an organization trail, for benchmarks/bench_ingest.py.

The mix, by share of records (seeded, so two runs write the same files):
- AssumeRole, one record in six, as in real trails where services assume roles constantly; one in
  six of those passes session tags (a few on the ABAC key ``team``, a few transitive);
- reads and writes of other kinds: S3 GetObject and PutObject, KMS Decrypt, EC2 Describe*,
  DynamoDB GetItem, STS GetCallerIdentity;
- about 3% tag writes over several services (S3, EC2, IAM, Lambda, KMS, RDS, DynamoDB), about two
  in three of them writing the ABAC key ``team`` as someone who is not a tag administrator, so that
  about 2% of records give a finding.
Records are about 1 KB, as CloudTrail writes them (shapes as in the CloudTrail record contents
reference: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
Files follow CloudTrail's naming, five minutes each, records inside a file slightly out of order.
"""

from __future__ import annotations

import gzip
import json
import random
import tempfile
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tagwarden.core.integrity.layout import log_file_key

ACCOUNT = "111111111111"
TAG_ADMIN = "TagAdmin"
POLICY_YAML = """\
version: 1
abac_keys: [team]
rules:
  - id: abac-keys-by-tag-admins
    keys: [team, "access-*"]
    writers:
      - principal: "arn:aws:iam::*:role/TagAdmin"
    values: {allowed: [alpha, beta, gamma]}
    severity: critical
  - id: cost-center-format
    keys: [cost-center]
    values: {pattern: "^[0-9]{6}$"}
    severity: warning
"""
_READS = [
    ("s3.amazonaws.com", "GetObject", 0.22),
    ("s3.amazonaws.com", "PutObject", 0.10),
    ("kms.amazonaws.com", "Decrypt", 0.16),
    ("ec2.amazonaws.com", "DescribeInstances", 0.06),
    ("ec2.amazonaws.com", "DescribeVolumes", 0.04),
    ("ec2.amazonaws.com", "DescribeSecurityGroups", 0.04),
    ("dynamodb.amazonaws.com", "GetItem", 0.08),
    ("sts.amazonaws.com", "GetCallerIdentity", 0.03),
    ("logs.amazonaws.com", "DescribeLogStreams", 0.03),
]
_AGENT = "aws-sdk-java/2.20.162 Linux/5.10.205-195.807.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS"


class TrailMix:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.roles = [f"svc-{i}" for i in range(40)] + [TAG_ADMIN]
        self.key_ids = [self._hex(16).upper() for _ in range(400)]

    def _hex(self, size: int) -> str:
        return f"{self.rng.getrandbits(size * 4):0{size}x}"

    def _uuid(self) -> str:
        h = self._hex(32)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def identity(self, role: str) -> dict[str, Any]:
        session = f"{role}-{self.rng.randrange(20)}"
        return {
            "type": "AssumedRole",
            "principalId": f"AROA{role.upper().replace('-', '')[:12]}EXAMPLE:{session}",
            "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/{session}",
            "accountId": ACCOUNT,
            "accessKeyId": "ASIA" + self.rng.choice(self.key_ids),
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role",
                    "principalId": f"AROA{role.upper().replace('-', '')[:12]}EXAMPLE",
                    "arn": f"arn:aws:iam::{ACCOUNT}:role/{role}",
                    "accountId": ACCOUNT,
                    "userName": role,
                },
                "attributes": {"creationDate": "2024-05-01T00:00:00Z", "mfaAuthenticated": "false"},
            },
        }

    def record(self, when: str, source: str, name: str, request: Any, response: Any = None) -> dict[str, Any]:
        role = TAG_ADMIN if self.rng.random() < 0.003 else self.rng.choice(self.roles[:-1])
        return self.record_as(role, when, source, name, request, response)

    def record_as(  # noqa: PLR0917
        self, role: str, when: str, source: str, name: str, request: Any, response: Any = None
    ) -> dict[str, Any]:
        return {
            "eventVersion": "1.09",
            "userIdentity": self.identity(role),
            "eventTime": when,
            "eventSource": source,
            "eventName": name,
            "awsRegion": "us-east-1",
            "sourceIPAddress": f"10.{self.rng.randrange(256)}.{self.rng.randrange(256)}.7",
            "userAgent": _AGENT,
            "requestParameters": request,
            "responseElements": response,
            "requestID": self._uuid(),
            "eventID": self._uuid(),
            "readOnly": name.startswith(("Get", "Describe", "Decrypt")),
            "eventType": "AwsApiCall",
            "managementEvent": source != "s3.amazonaws.com",
            "recipientAccountId": ACCOUNT,
            "eventCategory": "Management" if source != "s3.amazonaws.com" else "Data",
            "tlsDetails": {
                "tlsVersion": "TLSv1.3",
                "cipherSuite": "TLS_AES_128_GCM_SHA256",
                "clientProvidedHostHeader": f"{source.split('.', maxsplit=1)[0]}.us-east-1.amazonaws.com",
            },
        }

    def assume_role(self, when: str) -> dict[str, Any]:
        role = self.rng.choice(self.roles[:-1])
        request: dict[str, Any] = {
            "roleArn": f"arn:aws:iam::{ACCOUNT}:role/{role}",
            "roleSessionName": f"{role}-{self.rng.randrange(20)}",
            "durationSeconds": 3600,
        }
        if self.rng.random() < 1 / 6:
            key = "team" if self.rng.random() < 0.08 else self.rng.choice(["project", "cost-center"])
            value = "123456" if key == "cost-center" else self.rng.choice(["alpha", "beta", "gamma"])
            request["tags"] = [{"key": key, "value": value}]
            if self.rng.random() < 0.2:
                request["transitiveTagKeys"] = [key]
        key_id = "ASIA" + self.rng.choice(self.key_ids)
        response = {
            "credentials": {
                "accessKeyId": key_id,
                "sessionToken": "IQoJb3JpZ2luX2VjEXAMPLE" + self._hex(24),
                "expiration": "May 1, 2024, 1:00:00 PM",
            },
            "assumedRoleUser": {
                "assumedRoleId": f"AROA{role.upper().replace('-', '')[:12]}EX:{request['roleSessionName']}",
                "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/{request['roleSessionName']}",
            },
        }
        return self.record(when, "sts.amazonaws.com", "AssumeRole", request, response)

    def tag_write(self, when: str) -> dict[str, Any]:
        rng = self.rng
        governed = rng.random() < 0.7
        key = "team" if governed else rng.choice(["env", "owner", "cost-center"])
        value = rng.choice(["alpha", "beta", "gamma"]) if governed else rng.choice(["prod", "dev", "123456"])
        role = rng.choice(self.roles[:-1]) if governed or rng.random() < 0.5 else TAG_ADMIN
        n = rng.randrange(3000)
        kind = rng.randrange(7)
        if kind == 0:
            source, name = "s3.amazonaws.com", "PutBucketTagging"
            request: dict[str, Any] = {
                "bucketName": f"data-{n}",
                "Host": f"data-{n}.s3.amazonaws.com",
                "tagging": "",
                "Tagging": {"TagSet": {"Tag": [{"Key": key, "Value": value}, {"Key": "app", "Value": "x"}]}},
            }
        elif kind == 1:
            source, name = "ec2.amazonaws.com", "CreateTags"
            request = {
                "resourcesSet": {"items": [{"resourceId": f"i-{n:017x}"}]},
                "tagSet": {"items": [{"key": key, "value": value}]},
            }
        elif kind == 2:
            source, name = "iam.amazonaws.com", "TagRole"
            request = {"roleName": f"app-{n % 50}", "tags": [{"key": key, "value": value}]}
        elif kind == 3:
            source, name = "lambda.amazonaws.com", "TagResource20170331v2"
            request = {
                "resource": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:fn-{n}",
                "tags": {key: value},
            }
        elif kind == 4:
            source, name = "kms.amazonaws.com", "TagResource"
            request = {
                "keyId": f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{n:08x}-0000-4000-8000-000000000000",
                "tags": [{"tagKey": key, "tagValue": value}],
            }
        elif kind == 5:
            source, name = "rds.amazonaws.com", "AddTagsToResource"
            request = {
                "resourceName": f"arn:aws:rds:us-east-1:{ACCOUNT}:db:db-{n}",
                "tags": [{"key": key, "value": value}],
            }
        else:
            source, name = "dynamodb.amazonaws.com", "TagResource"
            request = {
                "resourceArn": f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/t-{n}",
                "tags": [{"key": key, "value": value}],
            }
        return self.record_as(role, when, source, name, request)

    def other(self, when: str) -> dict[str, Any]:
        rng = self.rng
        pick = rng.random() * sum(w for _, _, w in _READS)
        source, name = _READS[-1][:2]
        for read_source, read_name, weight in _READS:
            pick -= weight
            if pick <= 0:
                source, name = read_source, read_name
                break
        if source == "s3.amazonaws.com":
            request: Any = {
                "bucketName": f"data-{rng.randrange(3000)}",
                "key": f"part/{self._hex(12)}.parquet",
                "Host": "s3.amazonaws.com",
            }
        elif source == "kms.amazonaws.com":
            request = {
                "encryptionAlgorithm": "SYMMETRIC_DEFAULT",
                "encryptionContext": {"aws:s3:arn": f"arn:aws:s3:::data-{rng.randrange(3000)}/x"},
            }
        elif source == "dynamodb.amazonaws.com":
            request = {
                "tableName": f"t-{rng.randrange(300)}",
                "key": {"pk": "{...}"},
                "consistentRead": False,
            }
        elif source == "ec2.amazonaws.com":
            request = {"maxResults": 100, "filterSet": {"items": [{"name": "tag:team", "valueSet": {}}]}}
        else:
            request = (
                None
                if name == "GetCallerIdentity"
                else {"logGroupName": f"/aws/lambda/fn-{rng.randrange(99)}"}
            )
        return self.record(when, source, name, request)

    def file_records(self, start_second: int, count: int, tag_share: float) -> list[dict[str, Any]]:
        records = []
        for i in range(count):
            second = start_second + (i * 300) // count + self.rng.randrange(-20, 20)
            when = (
                f"2024-05-{1 + second // 86400:02d}T{(second // 3600) % 24:02d}:"
                f"{(second // 60) % 60:02d}:{second % 60:02d}Z"
            )
            draw = self.rng.random()
            if draw < tag_share:
                records.append(self.tag_write(when))
            elif draw < tag_share + 1 / 6:
                records.append(self.assume_role(when))
            else:
                records.append(self.other(when))
        return records


def _write_file(job: tuple[Path, int, int, float, int]) -> Path:
    directory, index, count, tag_share, seed = job
    mix = TrailMix(seed * 1_000_003 + index)
    start = 3600 + index * 300
    body = json.dumps({"Records": mix.file_records(start, count, tag_share)}, separators=(",", ":"))
    moment = datetime(2024, 5, 1, tzinfo=UTC) + timedelta(seconds=start)
    path = directory / log_file_key(ACCOUNT, "us-east-1", moment, f"{index:05d}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(body.encode(), compresslevel=6))
    return path


DATA_DIR = Path(tempfile.gettempdir()) / "tagwarden-bench"  # where bench_ingest keeps its trails


def trail_dir(
    records: int, files: int, tag_share: float = 0.03, seed: int = 7, data_dir: Path = DATA_DIR
) -> Path:
    """The folder bench_ingest writes (and reuses) the trail of these parameters in."""
    return data_dir / f"trail-{records}-{files}-{tag_share}-{seed}"


def write_trail(
    directory: Path, records: int, files: int, tag_share: float = 0.03, seed: int = 7
) -> list[Path]:
    """``records`` records in ``files`` gzipped log files under ``directory``; returns their paths.
    Each file is seeded on its own, so the files are the same whatever the number of processes."""
    per_file, extra = divmod(records, files)
    jobs = [(directory, i, per_file + (1 if i < extra else 0), tag_share, seed) for i in range(files)]
    with ProcessPoolExecutor() as pool:
        return list(pool.map(_write_file, jobs, chunksize=8))
