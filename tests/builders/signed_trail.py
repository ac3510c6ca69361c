"""A CloudTrail log tree with digest files signed by a test key, built the way CloudTrail builds it
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-digest-file-structure.html,
https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html)."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tagwarden.core.integrity import HashLog, log_hash, string_to_sign
from tagwarden.core.integrity.layout import log_file_key

ACCOUNT = "111122223333"
REGION = "us-east-2"
BUCKET = "amzn-s3-demo-bucket"
TRAIL = "your-trail-name"
START = datetime(2026, 11, 30, 1, 0, 31, tzinfo=UTC)


@lru_cache(maxsize=1)
def test_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_der() -> bytes:
    """The public key as ListPublicKeys returns it: DER, PKCS #1."""
    return test_key().public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.PKCS1)


def fingerprint() -> str:
    return hashlib.md5(public_der()).hexdigest()  # a name for the key, not a security measure


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def log_key(moment: datetime, unique: str, prefix: str = "") -> str:
    return prefix + log_file_key(ACCOUNT, REGION, moment, unique)


def digest_key(end: datetime, prefix: str = "") -> str:
    return (
        f"{prefix}AWSLogs/{ACCOUNT}/CloudTrail-Digest/{REGION}/{end:%Y/%m/%d}/"
        f"{ACCOUNT}_CloudTrail-Digest_{REGION}_{TRAIL}_{REGION}_{end:%Y%m%dT%H%M%S}Z.json.gz"
    )


def log_content(moment: datetime, unique: str) -> bytes:
    record = {
        "eventVersion": "1.08",
        "eventTime": _stamp(moment),
        "eventSource": "s3.amazonaws.com",
        "eventName": "PutBucketTagging",
        "eventID": f"event-{unique}",
        "awsRegion": REGION,
        "recipientAccountId": ACCOUNT,
    }
    return json.dumps({"Records": [record]}).encode()


@dataclass
class SignedTree:
    files: dict[str, bytes] = field(default_factory=dict)  # key -> stored bytes (gzip)
    signatures: dict[str, str] = field(default_factory=dict)  # digest key -> hex signature
    digests: list[str] = field(default_factory=list)
    logs: list[str] = field(default_factory=list)

    def write(self, root: Path, *, sidecars: bool = True) -> Path:
        """Write under ``root`` as ``aws s3 sync`` would; signatures (S3 metadata) go in
        ``<digest>.signature`` files, where verify-logs looks for them offline."""
        for key, content in self.files.items():
            path = root / key
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            if sidecars and key in self.signatures:
                path.with_name(path.name + ".signature").write_text(self.signatures[key])
        return root

    def write_keys(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{fingerprint()}.der").write_bytes(public_der())
        return folder


def forge_newest_hour(tree: SignedTree) -> None:
    """Rewrite the newest log file and the newest digest with its new hash, as someone who may
    write to the bucket would; the digest's signature no longer holds (a caller may drop it)."""
    victim, newest = tree.logs[-1], tree.digests[-1]
    forged = gzip.decompress(tree.files[victim]).replace(b"PutBucketTagging", b"GetBucketTagging")
    tree.files[victim] = gzip.compress(forged)
    data = json.loads(gzip.decompress(tree.files[newest]))
    data["logFiles"][-1]["hashValue"] = hashlib.sha256(forged).hexdigest()
    tree.files[newest] = gzip.compress(json.dumps(data).encode())


def _digest(
    end: datetime, logs: list[tuple[str, bytes]], previous: tuple[str, str, str] | None, prefix: str
) -> bytes:
    data = {
        "awsAccountId": ACCOUNT,
        "digestStartTime": _stamp(end - timedelta(hours=1)),
        "digestEndTime": _stamp(end),
        "digestS3Bucket": BUCKET,
        "digestS3Object": digest_key(end, prefix),
        "digestPublicKeyFingerprint": fingerprint(),
        "digestSignatureAlgorithm": "SHA256withRSA",
        "newestEventTime": _stamp(end - timedelta(minutes=5)),
        "oldestEventTime": _stamp(end - timedelta(minutes=55)),
        "previousDigestS3Bucket": BUCKET if previous else None,
        "previousDigestS3Object": previous[0] if previous else None,
        "previousDigestHashValue": previous[1] if previous else None,
        "previousDigestHashAlgorithm": "SHA-256" if previous else None,
        "previousDigestSignature": previous[2] if previous else None,
        "logFiles": [
            {
                "s3Bucket": BUCKET,
                "s3Object": key,
                "hashValue": hashlib.sha256(content).hexdigest(),
                "hashAlgorithm": "SHA-256",
                "newestEventTime": _stamp(end - timedelta(minutes=5)),
                "oldestEventTime": _stamp(end - timedelta(minutes=55)),
            }
            for key, content in logs
        ],
    }
    return json.dumps(data).encode()


def sign(raw_digest: bytes) -> str:
    data = json.loads(raw_digest)
    text = string_to_sign(data, hashlib.sha256(raw_digest).hexdigest())
    return test_key().sign(text, padding.PKCS1v15(), hashes.SHA256()).hex()


def build_tree(
    hours: int = 3, logs_per_hour: int = 2, start: datetime = START, prefix: str = ""
) -> SignedTree:
    """``hours`` hourly digests, each listing ``logs_per_hour`` log files, chained and signed; keys
    under the trail's S3 key ``prefix`` ("" or ending in "/")."""
    tree = SignedTree()
    previous: tuple[str, str, str] | None = None
    for hour in range(hours):
        end = start + timedelta(hours=hour + 1)
        logs = []
        for n in range(logs_per_hour):
            moment = end - timedelta(minutes=50 - 20 * n)
            key, raw = log_key(moment, f"h{hour}n{n}", prefix), log_content(moment, f"h{hour}n{n}")
            tree.files[key] = gzip.compress(raw)
            tree.logs.append(key)
            logs.append((key, raw))
        raw_digest = _digest(end, logs, previous, prefix)
        key = digest_key(end, prefix)
        tree.files[key] = gzip.compress(raw_digest)
        tree.signatures[key] = sign(raw_digest)
        tree.digests.append(key)
        previous = (key, hashlib.sha256(raw_digest).hexdigest(), tree.signatures[key])
    return tree


def hashing(read_log: Callable[[str], bytes | None]) -> HashLog:
    """A HashLog over bytes in memory: each log file read with ``read_log`` (None where it cannot)."""

    def hash_log(where: str) -> str | None:
        content = read_log(where)
        return None if content is None else log_hash(content)

    return hash_log


def signing_keys(region: str, fp: str) -> bytes | None:
    """PublicKeys holding the tests' signing key (``test_key``, as it is now), whatever the region."""
    return public_der() if fp == fingerprint() else None
