"""The RSA signature of a CloudTrail digest file (SHA256withRSA, PKCS #1 v1.5), and the string it signs.

https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from collections.abc import Callable, Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from tagwarden.core.integrity.layout import logical_key

ALGORITHM = "SHA256withRSA"

# The public key for a region and fingerprint (None if unknown): CloudTrail signs each region's digests
# with that region's own key.
PublicKeys = Callable[[str, str], bytes | None]


def string_to_sign(data: Mapping[str, Any], digest_sha256: str) -> bytes:
    """digestEndTime, the digest's S3 path (bucket/key), the hex SHA-256 of the uncompressed digest
    file and the previous digest's signature ("null" when there is none), one per line."""
    previous = data.get("previousDigestSignature")
    return "\n".join(
        (
            str(data.get("digestEndTime")),
            f"{data.get('digestS3Bucket')}/{data.get('digestS3Object')}",
            digest_sha256,
            "null" if previous is None else str(previous),
        )
    ).encode()


def load_public_key(raw: bytes) -> rsa.RSAPublicKey:
    """A public key as ListPublicKeys gives it (DER, PKCS #1), or as a file holds it: PEM, DER
    (PKCS #1 or SubjectPublicKeyInfo), or either in base64. Raises ValueError."""
    text = raw.strip()
    candidates = [text]
    if not text.startswith(b"-----"):
        with contextlib.suppress(binascii.Error):
            candidates.append(base64.b64decode(text, validate=True))
    for candidate in candidates:
        try:
            if candidate.startswith(b"-----"):
                key = serialization.load_pem_public_key(candidate)
            else:
                key = serialization.load_der_public_key(candidate)
        except (ValueError, UnsupportedAlgorithm):
            continue
        if isinstance(key, rsa.RSAPublicKey):
            return key
    raise ValueError("not an RSA public key in PEM, DER or base64 DER")


def signature_problem(
    data: Mapping[str, Any],
    digest_sha256: str,
    signature_hex: str,
    public_keys: PublicKeys,
    *,
    found_at: str,
    region: str,
) -> str | None:
    """Why the digest's signature does not hold, or None if it does. ``found_at`` is the digest's
    logical key where it was found: a digest moved from where CloudTrail delivered it is not valid;
    ``region`` the region it is for."""
    algorithm = data.get("digestSignatureAlgorithm")
    if algorithm != ALGORITHM:
        return f"signature algorithm {algorithm!r} is not {ALGORITHM}"
    signed_for = logical_key(str(data.get("digestS3Object", "")))
    if signed_for != found_at:
        return f"found at {found_at}, but signed for {data.get('digestS3Object')}"
    fingerprint = str(data.get("digestPublicKeyFingerprint", ""))
    raw = public_keys(region, fingerprint)
    if raw is None:
        return (
            f"no public key with fingerprint {fingerprint} for {region} (ListPublicKeys in that region "
            "over the digest's time, or --public-keys DIR)"
        )
    try:
        key = load_public_key(raw)
        signature = bytes.fromhex(signature_hex)
    except ValueError as exc:
        return f"cannot check: {exc}"
    try:
        key.verify(signature, string_to_sign(data, digest_sha256), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return f"the signature does not verify with the public key {fingerprint}"
    return None
