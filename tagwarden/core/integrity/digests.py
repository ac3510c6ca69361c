"""CloudTrail log file integrity: digest files, their chain and signatures, the log files they list.

Follows AWS's custom validation procedure
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-custom-validation.html):
a digest is signed SHA256withRSA over the string
``digestEndTime \\n digestS3Bucket/digestS3Object \\n hex(SHA-256(uncompressed digest)) \\n
previousDigestSignature`` (the last part "null" for the first digest of a chain); the signature is the
digest object's ``x-amz-meta-signature`` metadata, hex; each listed log file's ``hashValue`` is the hex
SHA-256 of the uncompressed log file; ``previousDigestHashValue`` and ``previousDigestSignature`` chain
each digest to the one before. Pure: the caller reads the files and the public keys.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, BinaryIO

from tagwarden.core.integrity.layout import Placed, logical_key, place
from tagwarden.core.integrity.problems import Copies, Problem
from tagwarden.core.integrity.signature import PublicKeys, signature_problem
from tagwarden.core.integrity.unlisted import Group, Span, is_stored_as, merged_spans, unlisted_problems
from tagwarden.core.records.opening import GZIP_MAGIC, OpenError, inflated_chunks
from tagwarden.core.timeutil import parse_time


@dataclass(frozen=True, slots=True)
class DigestFile:
    path: str  # where it was read: a local path or s3://bucket/key
    content: bytes  # as stored (gzip or not)
    signature: str | None = None  # x-amz-meta-signature (hex), when the reader could get it
    read_error: str | None = None  # why the reader could not read it (content is then empty)

    @property
    def in_s3(self) -> bool:
        """Read from S3 with its metadata: a missing signature there is a digest CloudTrail did not sign."""
        return self.path.startswith("s3://")


@dataclass(slots=True)
class Report:
    problems: list[Problem] = field(default_factory=list)
    digests: int = 0
    logs_checked: int = 0
    # local digests whose signature nobody gave: their log files are neither checked nor counted as listed
    unsigned: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems

    def add(self, part: Report) -> None:
        """What ``part`` found (one account and region of the same check) added to this report."""
        self.problems += part.problems
        self.digests += part.digests
        self.logs_checked += part.logs_checked
        self.unsigned += part.unsigned


@dataclass(frozen=True, slots=True)
class _Digest:
    file: DigestFile
    placed: Placed
    data: dict[str, Any]
    sha256: str


def inflate(content: bytes) -> bytes:
    """The uncompressed bytes of a CloudTrail file (gzip or plain)."""
    return gzip.decompress(content) if content[:2] == GZIP_MAGIC else content


# A log file's hex SHA-256 once inflated, as its digest lists it, by where it is; None where it
# could not be read.
HashLog = Callable[[str], str | None]


def log_hash(content: bytes | BinaryIO) -> str:
    """The hex SHA-256 of a log file's inflated content (given whole, or as a stream read to its
    end); what it is if it cannot be inflated (no digest lists that). Inflated as the log reader
    inflates it (``inflated_chunks``), so a file the reader refuses is never called intact; and a
    megabyte at a time: a log file of tens of megabytes is never held inflated, nor, streamed, at
    all."""
    digest = hashlib.sha256()
    try:
        for chunk in inflated_chunks(io.BytesIO(content) if isinstance(content, bytes) else content):
            digest.update(chunk)
    except OpenError as exc:
        return f"unreadable ({exc})"
    return digest.hexdigest()


def _parse(file: DigestFile) -> _Digest | Problem:
    placed = place(file.path)
    if file.read_error is not None:
        return Problem("missing", file.path, file.path, f"digest file could not be read: {file.read_error}")
    try:
        raw = inflate(file.content)
        data = json.loads(raw)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        return Problem("modified", file.path, file.path, f"digest file is unreadable: {exc}")
    except RecursionError:
        return Problem("modified", file.path, file.path, "digest file is unreadable: JSON nested too deeply")
    if placed is None or not isinstance(data, dict):
        return Problem("modified", file.path, file.path, "not a CloudTrail digest file")
    return _Digest(file, placed, data, hashlib.sha256(raw).hexdigest())


def _log_entries(digest: _Digest) -> list[dict[str, Any]]:
    entries = digest.data.get("logFiles")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def _s3_path(bucket: Any, key: Any) -> str:
    return f"s3://{bucket}/{key}"


def _previous_key(digest: _Digest) -> str | None:
    previous = digest.data.get("previousDigestS3Object")
    return logical_key(previous) if isinstance(previous, str) and previous else None


def _signatures(digests: Mapping[str, _Digest]) -> dict[str, str]:
    """Each digest's signature: its own metadata, else (for a local copy, which has no metadata) what
    the next digest says it was."""
    known: dict[str, str] = {}
    for digest in digests.values():
        previous = _previous_key(digest)
        said = digest.data.get("previousDigestSignature")
        if previous is not None and isinstance(said, str):
            known.setdefault(previous, said)
    known = {key: said for key, said in known.items() if key in digests and not digests[key].file.in_s3}
    for key, digest in digests.items():
        if digest.file.signature:
            known[key] = digest.file.signature
    return known


def _check_chain(
    digest: _Digest, digests: Mapping[str, _Digest], floor: datetime | None, unread: Set[str]
) -> list[Problem]:
    previous_key = _previous_key(digest)
    if previous_key is None or previous_key in unread:
        return []
    data = digest.data
    where = _s3_path(data.get("previousDigestS3Bucket"), data.get("previousDigestS3Object"))
    previous = digests.get(previous_key)
    if previous is None:
        placed = place(previous_key)
        when = placed.when if placed is not None else None
        if floor is None or when is None or when < floor:
            return []  # before the tree or window given: not known to be gone
        return [Problem("missing", where, digest.file.path, "the previous digest file of the chain is gone")]
    problems = []
    if previous.sha256 != data.get("previousDigestHashValue"):
        problems.append(
            Problem(
                "chain_broken",
                previous.file.path,
                digest.file.path,
                f"previousDigestHashValue is {data.get('previousDigestHashValue')}, "
                f"the previous digest file hashes to {previous.sha256}",
            )
        )
    own = previous.file.signature
    if own and own != data.get("previousDigestSignature"):
        problems.append(
            Problem(
                "chain_broken",
                previous.file.path,
                digest.file.path,
                "previousDigestSignature differs from the previous digest's own signature",
            )
        )
    return problems


def _copies(logs: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    copies: dict[str, list[tuple[str, str]]] = {}
    for where, stored in sorted(logs.items()):
        placed = place(where)
        if placed is not None and not placed.is_digest:
            copies.setdefault(placed.key, []).append((where, stored))
    return copies


def _listed_copies(digest: _Digest, present: Copies) -> Iterator[tuple[dict[str, Any], list[str]]]:
    """Each log file the digest lists, and where its copies are (none: it is missing)."""
    for entry in _log_entries(digest):
        s3_object = str(entry.get("s3Object", ""))
        copies = [
            where
            for where, stored in present.get(logical_key(s3_object), ())
            if is_stored_as(stored, s3_object)
        ]
        yield entry, copies


def _check_logs(digest: _Digest, present: Copies, hash_log: HashLog, report: Report) -> None:
    for entry, copies in _listed_copies(digest, present):
        if not copies:
            where = _s3_path(entry.get("s3Bucket"), entry.get("s3Object"))
            report.problems.append(
                Problem("missing", where, digest.file.path, "listed in the digest, not found")
            )
        for where in copies:
            _check_log(where, entry, digest, hash_log, report)


def _check_log(
    where: str, entry: Mapping[str, Any], digest: _Digest, hash_log: HashLog, report: Report
) -> None:
    actual = hash_log(where)
    if actual is None:
        report.problems.append(Problem("missing", where, digest.file.path, "could not be read"))
        return
    report.logs_checked += 1
    if actual != entry.get("hashValue"):
        report.problems.append(
            Problem(
                "modified",
                where,
                digest.file.path,
                f"SHA-256 is {actual}, the digest says {entry.get('hashValue')}",
            )
        )


def _spans(digests: Iterable[_Digest]) -> Iterator[tuple[Group, Span]]:
    """Each digest's account and region, and the time it covers (Unix seconds)."""
    for digest in digests:
        start = parse_time(digest.data.get("digestStartTime"))
        end = parse_time(digest.data.get("digestEndTime"))
        if start is not None and end is not None:
            yield (digest.placed.account, digest.placed.region), (start, end)


def _unlisted(digests: Sequence[_Digest], present: Copies, now: datetime) -> list[Problem]:
    listed: dict[str, list[str]] = {}
    for digest in digests:
        for entry in _log_entries(digest):
            s3_object = str(entry.get("s3Object", ""))
            listed.setdefault(logical_key(s3_object), []).append(s3_object)
    return unlisted_problems(listed, merged_spans(_spans(digests)), present, now)


def _read_digests(
    digest_files: Sequence[DigestFile], report: Report
) -> tuple[dict[str, _Digest], list[_Digest], set[str]]:
    """The digests that parse, by key; the other copies of a key (``_kept`` chooses one); and the
    keys of those that could not be read (reported)."""
    copies: dict[str, list[_Digest]] = {}
    unread: set[str] = set()
    given: set[str] = set()
    for file in digest_files:
        if file.path in given:
            continue  # the same file listed twice (watched locations one inside the other)
        given.add(file.path)
        parsed = _parse(file)
        if isinstance(parsed, Problem):
            report.problems.append(parsed)
            placed = place(file.path)
            if file.read_error is not None and placed is not None:
                unread.add(placed.key)
        else:
            copies.setdefault(parsed.placed.key, []).append(parsed)
    digests = {key: min(found, key=_kept) for key, found in copies.items()}
    others = [copy for key, found in copies.items() for copy in found if copy is not digests[key]]
    return digests, others, unread


def _kept(digest: _Digest) -> tuple[int, str]:
    """Of a digest's copies, the one at the shortest path gives the chain and the log files checked:
    CloudTrail's own key is the shortest a copy can have, and the choice is the same whatever order
    the files come in."""
    return len(digest.file.path), digest.file.path


def _check_copy(
    copy: _Digest, kept: _Digest, signature: str | None, public_keys: PublicKeys, report: Report
) -> None:
    """A copy must be signed as the digest is: by its own signature, else, where its content is the
    kept one's, by that one's (a local copy has no metadata; a copy made without it is the same
    digest)."""
    own = copy.file.signature or (signature if copy.sha256 == kept.sha256 else None)
    _check_signature(copy, own, public_keys, report)


def _oldest(digests: Iterable[_Digest]) -> dict[tuple[str, str], datetime]:
    """Per account and region, the end of the oldest digest."""
    oldest: dict[tuple[str, str], datetime] = {}
    for digest in digests:
        when = digest.placed.when
        group = (digest.placed.account, digest.placed.region)
        if when is not None and (group not in oldest or when < oldest[group]):
            oldest[group] = when
    return oldest


def _check_signature(digest: _Digest, signature: str | None, public_keys: PublicKeys, report: Report) -> None:
    path = digest.file.path
    if signature is None and digest.file.in_s3:
        report.problems.append(
            Problem(
                "bad_signature",
                path,
                path,
                "the digest object has no x-amz-meta-signature metadata; CloudTrail signs every "
                "digest file it delivers",
            )
        )
    elif signature is None:
        report.unsigned.append(path)
    else:
        problem = signature_problem(
            digest.data,
            digest.sha256,
            signature,
            public_keys,
            found_at=digest.placed.key,
            region=digest.placed.region,
        )
        if problem is not None:
            report.problems.append(Problem("bad_signature", path, path, problem))


def verify(
    digest_files: Sequence[DigestFile],
    logs: Mapping[str, str],
    hash_log: HashLog,
    public_keys: PublicKeys,
    *,
    since: datetime | None = None,
    now: datetime | None = None,
    announce: Callable[[list[str]], None] | None = None,
) -> Report:
    """Check a tree of CloudTrail files. ``logs`` maps where each present log file is (a path or
    s3://bucket/key) to its key as stored: its S3 key, or its path below the folder given; every copy
    counts. ``hash_log`` gives one's hash by where it is (``log_hash`` of it; None where it cannot be read);
    ``public_keys`` gives the public key of a region with a fingerprint (None if unknown).
    ``since``: the digests given are every digest that ends from then on, so a digest the chain
    names back to then is gone if not given; without it, back to the oldest digest given. ``now``
    (default: the clock) tells log files named in the future. ``announce``, if given, is told
    before the first ``hash_log`` call every log file it will be asked for, in the order asked (so
    that a caller can read them ahead)."""
    report = Report()
    present = _copies(logs)
    digests, copies, unread = _read_digests(digest_files, report)
    report.digests = len(digests)
    signatures = _signatures(digests)
    for copy in copies:
        key = copy.placed.key
        _check_copy(copy, digests[key], signatures.get(key), public_keys, report)
    vouching = {key: digest for key, digest in digests.items() if key in signatures}
    oldest = _oldest(digests.values())
    if announce is not None:
        announce(
            [
                where
                for key, digest in sorted(vouching.items())
                for _, copies in _listed_copies(digest, present)
                for where in copies
            ]
        )
    for key, digest in sorted(digests.items()):
        _check_signature(digest, signatures.get(key), public_keys, report)
        floor = since or oldest.get((digest.placed.account, digest.placed.region))
        report.problems.extend(_check_chain(digest, digests, floor, unread))
        if key in vouching:
            _check_logs(digest, present, hash_log, report)
    report.problems.extend(_unlisted(list(vouching.values()), present, now or datetime.now(UTC)))
    return report
