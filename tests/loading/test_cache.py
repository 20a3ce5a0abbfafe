"""The cache of parsed files: a second run does not parse again, and a stale, corrupt or
foreign entry can never change a result."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kehoach.checks import validate
from kehoach.loading import cache as cache_mod
from kehoach.loading.cache import FileCache, default_dir
from kehoach.loading.plandir import LoadedFiles, load_files
from kehoach.loading.positions import PosDict, PosList, locate
from kehoach.model import TaskFile

AS_OF = dt.date(2019, 6, 30)


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(folder))
    monkeypatch.delenv("KEHOACH_NO_CACHE", raising=False)
    cache_mod.set_enabled(True)
    yield folder
    cache_mod.set_enabled(True)


def entries(folder: Path) -> int:
    """How many entries the packs of the cache folder hold."""
    return sum(cache_mod.stored(folder).values())


def packs(folder: Path) -> list[Path]:
    return sorted((folder / cache_mod.PACKS).glob("*.pack"))


def n_files(plan: Path) -> int:
    return 3 + len(list((plan / "tasks").glob("*.yaml")))


def rewrite_pack(pack: Path, change: Any) -> None:
    """Write *pack* again, each entry's bytes passed through *change(key, blob)*, with
    correct checksums: what a pack holding something else than we stored looks like."""
    fd = os.open(pack, os.O_RDONLY)
    try:
        index = cache_mod._read_pack_index(fd)
        assert index is not None
        blobs = {key: os.pread(fd, where[1], where[0]) for key, where in index.items()}
    finally:
        os.close(fd)
    out = bytearray(cache_mod.MAGIC + cache_mod._code_fingerprint())
    table = {}
    for key, blob in blobs.items():
        new = change(key, blob)
        table[key] = (len(out), len(new), hashlib.sha256(new).digest(), index[key][3])
        out += new
    dumped = pickle.dumps(table, protocol=5)
    out += dumped + cache_mod._TRAILER.pack(len(dumped), hashlib.sha256(dumped).digest())
    pack.write_bytes(bytes(out))


def snapshot(files: LoadedFiles) -> list[tuple[Any, ...]]:
    """Everything load_files gives, positions included, in comparable form."""

    def positions(data: Any) -> Any:
        if isinstance(data, PosDict):
            return (
                "d",
                data.line,
                data.col,
                dict(data.keys_at),
                {k: positions(v) for k, v in data.items()},
            )
        if isinstance(data, PosList):
            return ("l", data.line, data.col, list(data.items_at), [positions(v) for v in data])
        return data

    out: list[tuple[Any, ...]] = []
    for loaded in [files.plan, files.bodies, files.events, *files.task_files]:
        assert loaded is not None
        out.append((loaded.path, loaded.model, positions(loaded.raw)))
    out.append(tuple(files.problems))
    return out


def test_second_run_parses_nothing_and_gives_the_same(
    plan_copy: Path, cache_dir: Path, parses: list[str]
) -> None:
    first = load_files(plan_copy)
    assert len(parses) == n_files(plan_copy)
    assert entries(cache_dir) == n_files(plan_copy)
    assert len(packs(cache_dir)) == 1, "one pack for the plan folder, not a file per entry"
    parses.clear()
    second = load_files(plan_copy)
    assert parses == []
    assert snapshot(second) == snapshot(first)


def test_cache_is_in_the_cache_folder_not_in_the_plan(plan_copy: Path, cache_dir: Path) -> None:
    before = sorted(p.relative_to(plan_copy) for p in plan_copy.rglob("*"))
    load_files(plan_copy)
    assert sorted(p.relative_to(plan_copy) for p in plan_copy.rglob("*")) == before
    assert entries(cache_dir)
    assert not list(cache_dir.rglob("*.tmp")), "temporary files must be renamed into place"
    assert [p.name for p in cache_dir.iterdir() if p.is_dir()] == [cache_mod.PACKS]


def test_cache_folder_inside_the_plan_is_refused(
    plan_copy: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]
) -> None:
    inside = plan_copy / ".cache"
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(inside))
    load_files(plan_copy)
    parses.clear()
    load_files(plan_copy)
    assert not inside.exists()
    assert parses, "without a cache every file is parsed again"


def test_edit_keeping_size_and_time_stamp_is_seen(plan_copy: Path, parses: list[str]) -> None:
    """A stale cache must never win: same size, same mtime, new content → new result."""
    path = plan_copy / "tasks" / "ban-to-chuc.yaml"
    load_files(plan_copy)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    old = "status: chưa thực hiện"
    new = "status: đang thực hiện"  # same length in bytes
    assert old in text and len(old.encode()) == len(new.encode())
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    parses.clear()
    files = load_files(plan_copy)
    assert parses == ["ban-to-chuc.yaml"]  # only the edited file is parsed again
    loaded = next(f for f in files.task_files if f.path.endswith("ban-to-chuc.yaml"))
    assert isinstance(loaded.model, TaskFile)
    statuses = [task.status.value for task in loaded.model.tasks]
    fresh = TaskFile.model_validate(__import__("yaml").safe_load(path.read_text(encoding="utf-8")))
    assert statuses == [task.status.value for task in fresh.tasks]
    assert "đang thực hiện" in statuses


def test_reverting_an_edit_hits_the_old_entry(plan_copy: Path, parses: list[str]) -> None:
    path = plan_copy / "bodies.yaml"
    original = path.read_bytes()
    load_files(plan_copy)
    path.write_bytes(original + b"# a comment\n")
    load_files(plan_copy)
    path.write_bytes(original)
    parses.clear()
    load_files(plan_copy)
    assert parses == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 0xFF]),
        lambda blob: b"not a cache entry at all",
        lambda blob: blob[:100] + b"\x00" * (len(blob) - 100),
    ],
    ids=["empty", "truncated", "flipped-byte", "garbage", "zeroed"],
)
def test_corrupt_pack_is_ignored_and_rebuilt(
    plan_copy: Path, cache_dir: Path, parses: list[str], damage: Any
) -> None:
    first = load_files(plan_copy)
    for pack in packs(cache_dir):
        pack.write_bytes(damage(pack.read_bytes()))
    parses.clear()
    second = load_files(plan_copy)
    assert len(parses) == n_files(plan_copy)  # every file parsed again
    assert entries(cache_dir) == n_files(plan_copy)
    assert snapshot(second) == snapshot(first)
    parses.clear()
    load_files(plan_copy)
    assert parses == []  # and the entries were rebuilt


def test_one_damaged_entry_costs_only_its_file(
    plan_copy: Path, cache_dir: Path, parses: list[str]
) -> None:
    """A byte flipped inside one entry: that file is parsed again, the others still hit."""
    first = load_files(plan_copy)
    (pack,) = packs(cache_dir)
    fd = os.open(pack, os.O_RDONLY)
    try:
        index = cache_mod._read_pack_index(fd)
    finally:
        os.close(fd)
    assert index is not None
    place, length, _, _ = sorted(index.values())[len(index) // 2]
    blob = bytearray(pack.read_bytes())
    blob[place + length // 2] ^= 0xFF
    pack.write_bytes(bytes(blob))
    parses.clear()
    second = load_files(plan_copy)
    assert len(parses) == 1
    assert snapshot(second) == snapshot(first)
    parses.clear()
    load_files(plan_copy)
    assert parses == []  # rebuilt


@pytest.mark.parametrize(
    "wrong",
    [
        lambda key: (key, "not a model", PosDict(1, 1)),
        lambda key: (b"another key", "not a model", PosDict(1, 1)),
        lambda key: ["not", "a", "tuple"],
    ],
    ids=["not-a-model", "other-key", "not-a-tuple"],
)
def test_valid_pickle_of_the_wrong_thing_is_ignored(
    plan_copy: Path, cache_dir: Path, parses: list[str], wrong: Any
) -> None:
    """Entries whose checksums are right but whose content is not what we stored."""
    first = load_files(plan_copy)
    for pack in packs(cache_dir):
        rewrite_pack(pack, lambda key, blob: pickle.dumps(wrong(key), protocol=5))
    parses.clear()
    second = load_files(plan_copy)
    assert len(parses) == n_files(plan_copy)
    assert snapshot(second) == snapshot(first)


def test_entry_under_another_files_key_is_ignored(
    plan_copy: Path, cache_dir: Path, parses: list[str]
) -> None:
    """Every entry swapped with another, checksums made right: the key inside an entry
    must be the key it is found under, so no file ever gets another file's model."""
    first = load_files(plan_copy)
    (pack,) = packs(cache_dir)
    fd = os.open(pack, os.O_RDONLY)
    try:
        index = cache_mod._read_pack_index(fd)
        assert index is not None
        blobs = [os.pread(fd, where[1], where[0]) for where in index.values()]
    finally:
        os.close(fd)
    rotated = dict(zip(index, blobs[1:] + blobs[:1], strict=True))
    rewrite_pack(pack, lambda key, blob: rotated[key])
    parses.clear()
    second = load_files(plan_copy)
    assert len(parses) == n_files(plan_copy)
    assert snapshot(second) == snapshot(first)


def test_entries_of_another_version_are_not_read(
    plan_copy: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]
) -> None:
    load_files(plan_copy)
    monkeypatch.setattr(cache_mod, "_fingerprint", b"another kehoach, another pydantic")
    parses.clear()
    load_files(plan_copy)
    assert len(parses) == n_files(plan_copy)


def test_fingerprint_covers_versions_and_model_code() -> None:
    cache_mod._fingerprint = None
    first = cache_mod._code_fingerprint()
    assert first == cache_mod._code_fingerprint()
    cache = FileCache(Path("unused"))
    assert cache.key(b"x", TaskFile) != cache.key(b"y", TaskFile)
    from kehoach.model import BodiesFile

    assert cache.key(b"x", TaskFile) != cache.key(b"x", BodiesFile)


def test_files_with_problems_are_not_cached_and_stay_reported(
    plan_copy: Path, cache_dir: Path
) -> None:
    bad = plan_copy / "tasks" / "ban-to-chuc.yaml"
    bad.write_text(bad.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    dup = plan_copy / "tasks" / "van-phong.yaml"
    dup.write_text(dup.read_text(encoding="utf-8") + "body: van-phong\n", encoding="utf-8")
    first = load_files(plan_copy)
    assert entries(cache_dir) == n_files(plan_copy) - 2
    second = load_files(plan_copy)
    assert second.problems == first.problems
    assert {p.code for p in second.problems} >= {"extra_forbidden", "duplicate-key"}


def test_validation_messages_keep_their_positions_from_cached_files(plan_copy: Path) -> None:
    """Whole-plan checks read positions from the raw data, which the cache keeps."""
    path = plan_copy / "tasks" / "ban-to-chuc.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("partners: [", "partners: [khong-co-that, ", 1), encoding="utf-8")
    _, cold = validate(plan_copy, AS_OF)
    _, warm = validate(plan_copy, AS_OF)
    assert cold == warm
    unknown = [p for p in warm if p.code == "unknown-body"]
    assert unknown and all(p.line > 0 and p.col > 0 for p in unknown)


def test_no_cache_reads_and_writes_nothing(
    plan_copy: Path, cache_dir: Path, parses: list[str]
) -> None:
    cache_mod.set_enabled(False)
    load_files(plan_copy)
    load_files(plan_copy)
    assert not entries(cache_dir)
    assert len(parses) == 2 * n_files(plan_copy)


def test_no_cache_environment_variable(
    plan_copy: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEHOACH_NO_CACHE", "1")
    load_files(plan_copy)
    assert not entries(cache_dir)


def test_use_cache_false(plan_copy: Path, cache_dir: Path) -> None:
    load_files(plan_copy, use_cache=False)
    assert not entries(cache_dir)


def test_missing_cache_folder_is_created_private(plan_copy: Path, cache_dir: Path) -> None:
    shutil.rmtree(cache_dir, ignore_errors=True)
    load_files(plan_copy)
    assert entries(cache_dir)
    if hasattr(os, "getuid"):
        assert stat.S_IMODE(cache_dir.stat().st_mode) & 0o077 == 0


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_folder_others_can_write_is_not_trusted(
    plan_copy: Path, cache_dir: Path, parses: list[str]
) -> None:
    load_files(plan_copy)
    cache_dir.chmod(0o777)
    parses.clear()
    load_files(plan_copy)
    assert parses, "a world-writable cache folder must not be read"


def test_unwritable_cache_folder_only_costs_time(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(blocker / "cache"))
    files = load_files(plan_copy)
    assert files.plan is not None and files.plan.model is not None
    assert not files.problems


def test_default_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KEHOACH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir() == tmp_path / "xdg" / "kehoach"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_dir() == tmp_path / "home" / ".cache" / "kehoach"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_dir() == tmp_path / "home" / ".cache" / "kehoach"


def test_prune_deletes_old_packs_once_a_day(plan_copy: Path, cache_dir: Path) -> None:
    load_files(plan_copy)
    other = plan_copy.parent / "other"
    shutil.copytree(plan_copy, other)
    load_files(other)
    old, recent = sorted(packs(cache_dir), key=lambda p: p.name != cache_mod.pack_name(other))
    month_ago = old.stat().st_mtime - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    legacy = cache_dir / "ab" / ("ab" * 32 + ".pickle")  # an entry of the old format
    legacy.parent.mkdir()
    legacy.write_bytes(b"x")
    os.utime(legacy, (month_ago, month_ago))
    cache = FileCache(cache_dir)
    (cache_dir / "last-prune").unlink(missing_ok=True)
    assert cache.prune() == 2
    assert not old.exists() and not legacy.exists()
    assert recent.exists()
    assert cache.prune() == 0  # not again the same day


def test_a_run_that_only_hits_writes_nothing(plan_copy: Path, cache_dir: Path) -> None:
    load_files(plan_copy)
    (pack,) = packs(cache_dir)
    before = pack.stat()
    load_files(plan_copy)
    after = pack.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_new_day_writes_the_pack_again_so_it_is_not_pruned(
    plan_copy: Path, cache_dir: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_files(plan_copy)
    (pack,) = packs(cache_dir)
    before = pack.stat().st_ino
    today = cache_mod._today()
    monkeypatch.setattr(cache_mod, "_today", lambda: today + 1)
    parses.clear()
    load_files(plan_copy)
    assert parses == []
    assert pack.stat().st_ino != before  # renamed into place: its mtime is now


def test_old_versions_of_edited_files_are_bounded(
    plan_copy: Path, cache_dir: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each edit leaves the file's previous entry behind, but a pack keeps at most as
    many of those as the plan has entries, and none unused for PRUNE_AFTER_DAYS."""
    path = plan_copy / "bodies.yaml"
    original = path.read_bytes()
    total = n_files(plan_copy)
    for number in range(2 * total):
        path.write_bytes(original + f"# edit {number}\n".encode())
        load_files(plan_copy)
    assert entries(cache_dir) == 2 * total
    path.write_bytes(original + f"# edit {2 * total - 2}\n".encode())  # the one before
    parses.clear()
    load_files(plan_copy)
    assert parses == []
    today = cache_mod._today()
    monkeypatch.setattr(cache_mod, "_today", lambda: today + cache_mod.PRUNE_AFTER_DAYS + 1)
    path.write_bytes(original)
    load_files(plan_copy)
    assert entries(cache_dir) == total  # only what this run used


def test_deferred_writes_wait_for_write_deferred(
    plan_copy: Path, cache_dir: Path, parses: list[str]
) -> None:
    cache_mod.defer_writes()
    try:
        first = load_files(plan_copy)
        again = load_files(plan_copy)  # the same folder twice in one run: one pack
        assert entries(cache_dir) == 0
        assert cache_mod.pending() == 1
    finally:
        written = cache_mod.write_deferred()
    assert written == n_files(plan_copy)
    assert cache_mod.pending() == 0
    assert entries(cache_dir) == n_files(plan_copy)
    parses.clear()
    third = load_files(plan_copy)
    assert parses == []
    assert snapshot(third) == snapshot(first) == snapshot(again)


def _raw_kinds(folder_cache: FileCache) -> set[str]:
    return {type(raw).__name__ for _, raw in folder_cache.new.values()}


def test_entries_of_a_folder_done_with_are_kept_compact_and_read_back_the_same(
    plan_copy: Path, cache_dir: Path, parses: list[str]
) -> None:
    """Writes deferred, a second folder opened: the first folder's new entries whose raw
    data nothing else holds are pickled (FileCache.compact); those still held are not. The
    pack written from them gives back the same models and positions."""
    other = plan_copy.parent / "other"
    shutil.copytree(plan_copy, other)
    cache_mod.defer_writes()
    try:
        expected = snapshot(load_files(plan_copy))  # nothing keeps its LoadedFiles
        (first,) = cache_mod._deferred or []
        assert _raw_kinds(first) == {"PosDict"}  # one folder: nothing compacted
        kept = load_files(other)  # opening another folder compacts the first
        assert _raw_kinds(first) == {"bytes"}
        second = cache_mod._deferred[1] if cache_mod._deferred else None
        assert second is not None
        cache_mod._compact_queued()
        assert second.compact() == 0  # its raw data is still held by `kept`
        assert _raw_kinds(second) == {"PosDict"}
    finally:
        written = cache_mod.write_deferred()
    assert written == 2 * n_files(plan_copy)
    parses.clear()
    assert snapshot(load_files(plan_copy)) == expected
    assert snapshot(load_files(other)) == snapshot(kept)
    assert parses == []


@pytest.mark.parametrize(
    "inner",
    [b"not a pickle", pickle.dumps("not raw data", protocol=5)],
    ids=["garbage", "not-raw-data"],
)
def test_compact_raw_data_that_is_not_raw_data_is_a_miss(
    plan_copy: Path, cache_dir: Path, parses: list[str], inner: bytes
) -> None:
    """An entry whose raw data, pickled on its own, is not what we stored (checksums
    right): the file is parsed again, never given wrong positions."""
    first = load_files(plan_copy)

    def change(key: bytes, blob: bytes) -> bytes:
        _, instance, _ = pickle.loads(blob)
        return pickle.dumps((key, instance, inner), protocol=5)

    for pack in packs(cache_dir):
        rewrite_pack(pack, change)
    parses.clear()
    second = load_files(plan_copy)
    assert len(parses) == n_files(plan_copy)
    assert snapshot(second) == snapshot(first)


def test_portfolio_files_are_cached(tmp_path: Path, cache_dir: Path, parses: list[str]) -> None:
    """A portfolio's shared files and its plans' registries (two loaders of one folder)
    are all found again by the next run."""
    from kehoach.portfolio.load import load_registries
    from kehoach.portfolio.shared import forget
    from tests.portfolio.build import build_portfolio

    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}], "kh-b": [{"id": "2"}]})
    first, problems = load_registries(root)
    assert problems == []
    assert len(parses) == 3 + 2 * 2  # kehoach.yaml, bodies.yaml, events.yaml; each plan's two
    forget()
    parses.clear()
    second, again = load_registries(root)
    assert parses == []
    assert again == problems
    assert second.shared.bodies == first.shared.bodies


def test_unchanged_loaded_plan_matches_a_plain_parse(plan_copy: Path) -> None:
    """The cached model is the model: compare with a cache-free load."""
    load_files(plan_copy)
    warm = load_files(plan_copy)
    plain = load_files(plan_copy, use_cache=False)
    assert snapshot(warm) == snapshot(plain)
    raw = warm.task_files[0].raw
    assert raw is not None and locate(raw, ("tasks", 0, "id")) == locate(
        plain.task_files[0].raw, ("tasks", 0, "id")
    )


# -- the parser under the cache: libyaml, or the pure loader said once ----------------------


def _pure_compose_loader() -> type:
    import yaml

    from kehoach.loading import yamlfile

    class Pure(yaml.SafeLoader):
        resolve = yamlfile._ComposeLoader.resolve
        descend_resolver = yamlfile._ComposeLoader.descend_resolver  # type: ignore[assignment]
        ascend_resolver = yamlfile._ComposeLoader.ascend_resolver  # type: ignore[assignment]

    return Pure


def test_pure_loader_gives_the_same_data_and_positions(
    plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kehoach.loading import yamlfile

    fast = load_files(plan_copy, use_cache=False)
    monkeypatch.setattr(yamlfile, "_ComposeLoader", _pure_compose_loader())
    monkeypatch.setattr(yamlfile, "LIBYAML", False)
    monkeypatch.setattr(yamlfile, "_NOTICE_SHOWN", True)
    pure = load_files(plan_copy, use_cache=False)
    assert snapshot(pure) == snapshot(fast)


def test_fast_tag_resolution_matches_pyyaml(write: Any) -> None:
    import yaml

    from kehoach.loading import yamlfile

    text = (
        "a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 2019-06-30\ng: ''\nh: '1'\ni: .inf\n"
        "j: 0x1F\nk: -3\nl: yes\nm: No\nn: [1, x, 2019-01-01 10:00:00]\no: !!str 5\n"
        "p: +.5\nq: =\nr: <<\n"
    )

    def tags(node: Any) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return (node.tag, node.value, node.start_mark.line, node.start_mark.column)
        if isinstance(node, yaml.SequenceNode):
            return (node.tag, [tags(n) for n in node.value])
        return (node.tag, [(tags(k), tags(v)) for k, v in node.value])

    assert tags(yaml.compose(text, Loader=yamlfile._ComposeLoader)) == tags(
        yaml.compose(text, Loader=yaml.SafeLoader)
    )


def test_missing_libyaml_is_said_once(
    write: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kehoach.loading import yamlfile

    monkeypatch.setattr(yamlfile, "_ComposeLoader", _pure_compose_loader())
    monkeypatch.setattr(yamlfile, "LIBYAML", False)
    monkeypatch.setattr(yamlfile, "_NOTICE_SHOWN", False)
    monkeypatch.setattr(yamlfile, "_NOTICE_DUE", False)
    first = yamlfile.load_yaml(write("a.yaml", "body: a\n"))
    second = yamlfile.load_yaml(write("b.yaml", "body: b\n"))
    assert first.data == {"body": "a"} and second.data == {"body": "b"}
    # The core only notes it; nothing is written to stderr but by the command line.
    assert capsys.readouterr().err == ""
    notice = yamlfile.take_loader_notice()
    assert notice is not None and notice.startswith("kehoach: PyYAML không có libyaml")
    assert yamlfile.take_loader_notice() is None


# -- the command line: --no-cache ---------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["status", "--as-of", "2019-06-30"],
        ["overdue", "--as-of", "2019-06-30"],
        ["report", "--quarter", "2019-Q2"],
        ["tasks", "--as-of", "2019-06-30"],
    ],
    ids=lambda argv: argv[0],
)
def test_no_cache_option(argv: list[str], plan_copy: Path, cache_dir: Path, runner: Any) -> None:
    from kehoach.cli.app import app

    off = runner.invoke(app, [argv[0], str(plan_copy), *argv[1:], "--no-cache"])
    assert off.exit_code == 0, off.output
    assert not entries(cache_dir)
    on = runner.invoke(app, [argv[0], str(plan_copy), *argv[1:]])
    assert on.exit_code == 0, on.output
    assert entries(cache_dir)
    assert on.output == off.output


def test_finishing_lets_go_of_the_last_files_bytes(tmp_path: Path, cache_dir: Path) -> None:
    """A portfolio keeps one cache per plan until its command ends: none may hold on to
    the bytes of the file it read last (500 plans × a file each)."""
    data = b"body: a\ntasks: []\n"
    root = tmp_path / "plan"
    root.mkdir()
    first = FileCache.for_plan(root)
    assert first is not None
    assert first.get(data, TaskFile) is None
    first.put(data, TaskFile, TaskFile.model_validate({"body": "a", "tasks": []}), PosDict(1, 1))
    first.finish()  # written now: writes are not deferred here
    cache = FileCache.for_plan(root)
    assert cache is not None
    assert cache.get(data, TaskFile) is not None  # a hit, found by its content
    cache.finish()

    def holds(value: object) -> bool:
        return value is data or (isinstance(value, tuple) and any(holds(v) for v in value))

    assert not any(holds(value) for value in vars(cache).values())
