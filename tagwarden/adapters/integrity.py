"""Reading a tree of CloudTrail files (local folders or s3://bucket/prefix) and the public keys that
sign their digests, for the pure check in tagwarden.core.integrity."""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, cast

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import NO_ANSWER, error_code
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.known_log_hashes import KnownLogHashes
from tagwarden.adapters.known_objects import Fingerprint
from tagwarden.adapters.read_ahead import ReadAhead
from tagwarden.adapters.sources.s3_objects import (
    BODY_ERRORS,
    Window,
    objects_under,
    parse_s3_url,
    region_days,
    region_walk,
)
from tagwarden.core.integrity import DigestFile, PublicKeys, Report, log_hash, place, verify
from tagwarden.core.integrity.layout import region_folder
from tagwarden.core.ports.known_objects import KnownObjectStore
from tagwarden.core.settings.integrity import DEFAULT_READ_CONCURRENCY
from tagwarden.core.stopping import Stopping, check, never, until_stopping

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

SIGNATURE_SUFFIX = ".signature"  # offline copy of a digest's x-amz-meta-signature, hex


class TreeError(Exception):
    """A path that cannot be read at all (listed): the user gave a wrong path or lacks access. A file
    that cannot be read is a problem of that file, never a TreeError."""


@dataclass
class Tree:
    digests: list[DigestFile] = field(default_factory=list)
    logs: dict[str, str] = field(default_factory=dict)  # where -> key as stored (see verify)
    # S3 log files' ETag, LastModified and size in the listing, by where: a file written again since
    # an earlier read shows a new one (KnownLogHashes)
    fingerprints: dict[str, Fingerprint] = field(default_factory=dict)
    clients: dict[str, S3Client] = field(default_factory=dict)  # by bucket, what reads its files

    def hash_log(self, where: str) -> str | None:
        """The hash of the log file at ``where``, read as a stream; None where it cannot be read."""
        key = self.logs.get(where)
        if key is None:
            return None
        if where.startswith("s3://"):
            bucket = where[len("s3://") :].split("/", 1)[0]
            return _hash_object(self.clients[bucket], bucket, key)
        return _hash_file(Path(where))


def _hash_file(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            return log_hash(stream)
    except OSError:
        return None


GroupKey = tuple[str, str] | None  # an account and region; None: folders that name none


def local_files(root: Path) -> list[Path]:
    """The files under ``root`` (or ``root``, a file), sorted. TreeError where it is not there."""
    if not root.exists():
        raise TreeError(f"{root}: no such file or directory")
    return [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())


def add_local(
    tree: Tree, root: Path, since: datetime | None = None, files: Sequence[Path] | None = None
) -> None:
    """The CloudTrail files under ``root``; with ``since``, those ``add_s3`` takes of a window.
    ``files``: only these of them (one group of ``local_groups``)."""
    for path in local_files(root) if files is None else files:
        placed = place(str(path))
        if placed is None or not _in_window(placed.when, since, placed.is_digest):
            continue
        if placed.is_digest:
            sidecar = path.with_name(path.name + SIGNATURE_SUFFIX)
            try:
                signature = sidecar.read_text().strip() if sidecar.is_file() else None
                tree.digests.append(DigestFile(str(path), path.read_bytes(), signature))
            except (OSError, UnicodeDecodeError) as exc:
                tree.digests.append(DigestFile(str(path), b"", read_error=str(exc)))
        else:
            stored = path.name if path == root else path.relative_to(root).as_posix()
            tree.logs[str(path)] = stored


def local_groups(root: Path) -> dict[GroupKey, list[Path]]:
    """The CloudTrail files under ``root`` by the account and region their names give: as
    ``window_groups`` splits a location in S3. TreeError where ``root`` is not there."""
    groups: dict[GroupKey, list[Path]] = {}
    for path in local_files(root):
        placed = place(str(path))
        if placed is not None:
            groups.setdefault((placed.account, placed.region), []).append(path)
    return groups


Listed = tuple[str, Fingerprint]  # an object's key, and its ETag, LastModified and size


@dataclass(frozen=True, slots=True)
class Folder:
    """What one listing of a window lists: everything under ``prefix``, or, with ``days``, only
    the day folders of those days in the region folder ``prefix`` (``region_days``)."""

    prefix: str
    days: Window | None = None


def _s3_keys(s3: S3Client, bucket: str, folder: Folder) -> Iterator[Listed]:
    if folder.days is not None:
        entries = region_days(s3, bucket, folder.prefix, folder.days)
    else:
        entries = objects_under(s3, bucket, folder.prefix)
    for entry in entries:
        if "Key" in entry:
            modified = entry.get("LastModified")
            stamp = modified.isoformat() if modified is not None else ""
            text = f"{entry.get('ETag', '')}|{stamp}|{entry.get('Size', '')}"
            yield entry["Key"], Fingerprint(text, modified.timestamp() if modified is not None else 0.0)


_REGION_LEVEL = re.compile(r"(^|/)(CloudTrail|CloudTrail-Digest)/[^/]+/")


def _window_folders(
    s3: S3Client, bucket: str, prefix: str, since: datetime | None, *, threads: int, stopping: Stopping
) -> list[Folder]:
    """The folders a window's listing lists, ``threads`` at once: with ``since``, the day folders
    from then on of every region folder under ``prefix``; without, every region folder, and the
    folders below the walk's depth, whole. A prefix already inside a region folder is listed whole."""
    if prefix and _REGION_LEVEL.search(prefix):
        return [Folder(prefix)]
    walk = region_walk(
        s3,
        bucket,
        prefix,
        level=_REGION_LEVEL,
        skipped=("CloudTrail-Insight/",),
        threads=threads,
        stopping=stopping,
    )
    if since is None:  # no file may be left out: what lies deeper than the walk went is listed too
        return [Folder(folder) for folder in walk.regions + walk.deeper]
    days = Window(since - LOG_MARGIN, datetime.now(UTC))
    return [Folder(region_prefix, days) for region_prefix in walk.regions]


def _folders_keys(
    s3: S3Client, bucket: str, folders: Sequence[Folder], threads: int
) -> Generator[Listed, None, None]:
    """Every key in ``folders``, in their order, ``threads`` folders listed at once: an
    organization's window is a few folders for each account and region."""

    def listed(folder: Folder) -> list[Listed]:
        return list(_s3_keys(s3, bucket, folder))

    with ReadAhead(listed, threads) as ahead:
        ahead.announce(folders)
        for folder in folders:
            yield from ahead(folder)


def window_groups(
    s3: S3Client,
    url: str,
    since: datetime | None,
    threads: int = DEFAULT_READ_CONCURRENCY,
    stopping: Stopping = never,
) -> dict[GroupKey, list[Folder]]:
    """The folders of the window under ``url`` (as ``add_s3`` lists them), by account and region:
    each account and region's log and digest folders (under any prefix) in one group, which
    ``verify`` can check alone (its digest chain, its digests' log files, its unlisted files).
    Folders that name no account and region form one group. TreeError where the bucket cannot be
    listed."""
    bucket, prefix = parse_s3_url(url)
    with _listing_errors(url):
        folders = _window_folders(s3, bucket, prefix, since, threads=threads, stopping=stopping)
    groups: dict[GroupKey, list[Folder]] = {}
    for folder in folders:
        groups.setdefault(region_folder(folder.prefix), []).append(folder)
    return groups


@contextmanager
def _listing_errors(url: str) -> Iterator[None]:
    try:
        yield
    except ClientError as exc:
        raise TreeError(f"{url}: cannot list ({error_code(exc, 'error')})") from None
    except NO_ANSWER as exc:  # the network, a timeout, no credentials: as a refusal, nothing checked
        raise TreeError(f"{url}: cannot list ({exc})") from None


class _Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@contextmanager
def _reading(where: str) -> Iterator[None]:
    """S3's errors as an object is read, sorted: ``_Refused`` where S3 refused the object itself (a
    problem of that file), TreeError where S3 cannot serve it now (throttled, a server error, the
    network, the body cut short): the next run reads it."""
    try:
        yield
    except ClientError as exc:
        code = error_code(exc, "error")
        if _refused(code):
            raise _Refused(code) from None
        raise TreeError(f"{where}: cannot read now ({code})") from None
    except BODY_ERRORS as exc:
        raise TreeError(f"{where}: cannot read now ({exc})") from None


def _hash_object(s3: S3Client, bucket: str, key: str) -> str | None:
    """A log file's hash, its body read as a stream; None where S3 refuses the object."""
    try:
        with _reading(f"s3://{bucket}/{key}"):
            body = s3.get_object(Bucket=bucket, Key=key)["Body"]
            with closing(body):
                return log_hash(cast(BinaryIO, body))
    except _Refused:
        return None


# A digest lists the log files delivered in the hour before its end: read log files from a little
# before the window so that the first digest in it finds every file it lists.
LOG_MARGIN = timedelta(hours=2)
# A file's LastModified against the time in its name: written at or after it, give or take clocks.
_FORGET_SLACK = timedelta(hours=1)


def forget_outside_window(store: KnownObjectStore, since: datetime) -> dict[str, int]:
    """Forgets what earlier checks kept of the objects last modified before a window from
    ``since`` reaches (its log margin, and some slack for clocks), and the log files the sources
    read before it: no check from then on reads them. The rows forgotten, by table."""
    oldest = (since - LOG_MARGIN - _FORGET_SLACK).timestamp()
    return {
        "log_hashes": store.forget_log_hashes(oldest),
        "digest_copies": store.forget_digest_copies(oldest),
        "log_files_read": store.forget_log_files_read(oldest),
    }


def _in_window(when: datetime | None, since: datetime | None, is_digest: bool) -> bool:
    if since is None:
        return True
    if when is None:
        return False
    return when >= (since if is_digest else since - LOG_MARGIN)


def add_s3(
    tree: Tree,
    s3: S3Client,
    url: str,
    since: datetime | None = None,
    stopping: Stopping = never,
    *,
    known: KnownDigests | None = None,
    threads: int = DEFAULT_READ_CONCURRENCY,
    folders: Sequence[Folder] | None = None,
) -> None:
    """The CloudTrail files under ``url``; with ``since``, only the digests that end after it (and
    the log files they may list), judged by the times in their names. ``Stopped`` between two keys
    listed, placed or two digests read once ``stopping`` says so. ``known``: the digests earlier
    checks read, taken for those unchanged since. ``threads``: folders listed, and digests read,
    at once. ``folders``: only these of the window's (one group of ``window_groups``)."""
    bucket, prefix = parse_s3_url(url)
    with _listing_errors(url):
        if folders is None:
            folders = _window_folders(s3, bucket, prefix, since, threads=threads, stopping=stopping)
        with closing(_folders_keys(s3, bucket, folders, threads)) as listed:
            keys = list(until_stopping(listed, stopping))
    digests: dict[str, Fingerprint] = {}  # by where
    for key, fingerprint in until_stopping(keys, stopping):
        placed = place(key)
        if placed is None or not _in_window(placed.when, since, placed.is_digest):
            continue
        where = f"s3://{bucket}/{key}"
        if placed.is_digest:
            digests[where] = fingerprint
        else:
            tree.logs[where] = key
            tree.fingerprints[where] = fingerprint
    tree.clients[bucket] = s3

    def read(where: str) -> DigestFile:
        return _read_digest(s3, bucket, where)

    ahead = ReadAhead(read, threads)
    with ahead, known.reading(digests, ahead) if known is not None else nullcontext() as lookups:
        ahead.announce(lookups.to_read(digests) if lookups is not None else digests)
        reader: Callable[[str], DigestFile] = lookups or ahead
        for where in until_stopping(digests, stopping):
            tree.digests.append(reader(where))


def _read_digest(s3: S3Client, bucket: str, where: str) -> DigestFile:
    """The digest at ``where`` (s3://bucket/key), or what S3 refused of it (``_reading``)."""
    try:
        with _reading(where):
            response = s3.get_object(Bucket=bucket, Key=where[len(f"s3://{bucket}/") :])
            content = response["Body"].read()
    except _Refused as refused:
        return DigestFile(where, b"", read_error=refused.code)
    return DigestFile(where, content, response.get("Metadata", {}).get("signature"))


def _refused(code: str) -> bool:
    """S3 refused the object itself (no access, its KMS key, gone since the listing): what tampering
    would look like, unlike a throttle or a server error, which a later run gets past."""
    return code in ("AccessDenied", "NoSuchKey", "InvalidObjectState") or code.startswith("KMS.")


def verify_tree(
    tree: Tree,
    public_keys: PublicKeys,
    since: datetime | None = None,
    stopping: Stopping = never,
    *,
    known: KnownLogHashes | None = None,
    threads: int = DEFAULT_READ_CONCURRENCY,
) -> Report:
    """``since``: the window the tree was read with (add_s3), if any. ``Stopped`` between two log
    files read once ``stopping`` says so: a window of an organization's trail holds thousands.
    ``known``: the hashes earlier checks read, taken for the S3 files unchanged since.
    ``threads``: log files read (and hashed) at once."""
    with ReadAhead(tree.hash_log, threads) as ahead:

        def hash_log(where: str) -> str | None:
            check(stopping)
            return ahead(where)

        if known is None:
            return verify(
                tree.digests, tree.logs, hash_log, public_keys, since=since, announce=ahead.announce
            )
        with known.checking(tree.fingerprints, hash_log) as lookups:

            def announce(wheres: list[str]) -> None:
                ahead.announce(lookups.to_read(wheres))

            return verify(tree.digests, tree.logs, lookups, public_keys, since=since, announce=announce)
