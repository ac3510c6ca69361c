"""Which marks a files source forgets when its S3 paths overlap (files_reach.py, on plain data)."""

from __future__ import annotations

from tagwarden.adapters.sources.files_reach import Listed, S3Reach, cursor_name

DAY = 86_400.0


class Cursors:
    def __init__(self, cursors: dict[str, float]) -> None:
        self.cursors = cursors
        self.forgotten: list[tuple[str, str]] = []

    def read_cursor(self, source: str) -> float | None:
        return self.cursors.get(source)

    def advance_read_cursor(self, source: str, read_until: float) -> None:
        self.cursors[source] = max(read_until, self.cursors.get(source, read_until))

    def forget_objects_processed(self, source: str, under: str, processed_before: str) -> int:
        self.forgotten.append((under, processed_before))
        return 1


def test_overlapping_paths_forget_by_the_oldest_cursor_and_not_while_one_has_none() -> None:
    paths = ["s3://b/AWSLogs/", "s3://b/AWSLogs/o-1/", "s3://b", "s3://bb/logs/", "s3://c/x/", "/var/logs"]
    store = Cursors(
        {
            cursor_name("src", "s3://b/AWSLogs/"): 100 * DAY,
            cursor_name("src", "s3://b/AWSLogs/o-1/"): 50 * DAY,
            cursor_name("src", "s3://bb/logs/"): 80 * DAY,
        }
    )
    reach = S3Reach("src", paths, 24, store, lambda: 200 * DAY)
    assert reach.forget() == 1
    # s3://b (the whole bucket) has no cursor: neither path under it forgets; s3://c/x/ has none.
    # s3://bb/logs/ is not under s3://b: the bucket's name is not a prefix of another's.
    assert store.forgotten == [("s3://bb/logs/", "1970-03-20T23:00:00Z")]
    store.cursors[cursor_name("src", "s3://b")] = 120 * DAY
    store.forgotten.clear()
    assert reach.forget() == 4
    day_49 = "1970-02-18T23:00:00Z"  # the o-1 path's cursor, less a day and an hour
    assert store.forgotten[:3] == [
        ("s3://b/AWSLogs/", day_49),
        ("s3://b/AWSLogs/o-1/", day_49),
        ("s3://b/", day_49),
    ]


def test_local_paths_have_no_cursor_and_a_failed_file_holds_its_path_back() -> None:
    store = Cursors({})
    reach = S3Reach("src", ["/var/logs", "s3://b/p/"], 24, store, lambda: 200 * DAY)
    name = "1_CloudTrail_us-east-1_{}_x.json.gz"
    listed = [
        Listed("s3://b/p/", name.format("19700110T0000Z")),
        Listed("s3://b/p/", name.format("19700120T0000Z")),
    ]
    reach.advance(listed, [Listed("s3://b/p/", name.format("19700115T0000Z"))])
    assert store.cursors == {cursor_name("src", "s3://b/p/"): 14 * DAY}
