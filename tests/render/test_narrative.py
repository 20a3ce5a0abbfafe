"""The office's narrative file: Markdown or YAML keyed by section, errors with positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.errors import InputError
from kehoach.render.narrative import load_narrative, section_key


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("I. Kết quả thực hiện", "I"),
        ("II", "II"),
        ("iii - Nhiệm vụ trọng tâm", "III"),
        ("IV: Đề xuất", "IV"),
        ("Hạn chế, nguyên nhân", "II"),
        ("han che, nguyen nhan", "II"),
        ("Đề xuất, kiến nghị", "IV"),
        ("Ích lợi", None),
        ("Tổng quan", None),
    ],
)
def test_section_key(heading: str, key: str | None) -> None:
    assert section_key(heading) == key


def test_markdown_paragraphs_and_items(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "n.md",
        "# I. Kết quả\nDòng một\ndòng hai.\n\nĐoạn hai.\n## II\n- Ý một\n- Ý hai\n"
        "tiếp ý hai\n### IV. Đề xuất\nĐề nghị Trung ương.\n",
    )
    narrative = load_narrative(path)
    assert narrative.get("I") == ["Dòng một dòng hai.", "Đoạn hai."]
    assert narrative.get("II") == ["- Ý một", "- Ý hai tiếp ý hai"]
    assert narrative.get("III") == []
    assert narrative.get("IV") == ["Đề nghị Trung ương."]


def test_markdown_unknown_heading_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "n.md", "## I\nA\n\n## Phần khác\nB\n")
    with pytest.raises(InputError) as caught:
        load_narrative(path)
    assert f"{path}:4:1:" in caught.value.message and "Phần khác" in caught.value.message


def test_markdown_text_before_first_heading_is_not_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "n.md", "\nLời mở đầu\n## I\nA\n")
    with pytest.raises(InputError) as caught:
        load_narrative(path)
    assert f"{path}:2:1:" in caught.value.message


def test_yaml_sections(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "n.yaml",
        "II: |\n  Đoạn một\n  vẫn đoạn một.\n\n  Đoạn hai.\n"
        "Đề xuất, kiến nghị:\n  - Một\n  - Hai\n",
    )
    narrative = load_narrative(path)
    assert narrative.get("II") == ["Đoạn một vẫn đoạn một.", "Đoạn hai."]
    assert narrative.get("IV") == ["Một", "Hai"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("V: x\n", "không nhận ra mục 'V'"),
        ("II: {a: 1}\n", "phải là một đoạn văn"),
        ("- a\n", "phải là các mục"),
        ("II: [\n", ":2:1:"),
    ],
)
def test_yaml_errors(tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        load_narrative(write(tmp_path, "n.yml", text))
    assert expected in caught.value.message and "n.yml" in caught.value.message


def test_not_utf8_and_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_narrative(write(tmp_path, "n.md", "## I\nK\xeat qu\xe1".encode("cp1258")))
    assert "UTF-8" in caught.value.message
    with pytest.raises(InputError) as caught:
        load_narrative(tmp_path / "none.md")
    assert "none.md" in caught.value.message
