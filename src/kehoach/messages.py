"""The registry of user-facing messages: one code, one Vietnamese template.

Every message the loader, the plan-folder scan, the YAML parser translation, the OS
errors and the atomic writer give is written here, so that one test
(``tests/test_messages.py``) can read them all and fail on an English word, a Python
repr or a missing diacritic. Code elsewhere asks for a message by its code::

    msg("symlink-dangling", target="../x.yaml")   # -> Message(code, text)

Templates use ``str.format`` fields; a field holds a user's value (a file name, a key),
never a Python object: dates are formatted ``dd/mm/yyyy`` before they get here.
"""

from __future__ import annotations

import errno
import re
from typing import NamedTuple

from kehoach.errors import Problem

MESSAGES: dict[str, str] = {
    # -- entries of the plan folder ---------------------------------------------------
    "missing-plan-dir": "Không tìm thấy thư mục kế hoạch '{root}'.",
    "not-plan-dir": "'{root}' không phải là thư mục kế hoạch.",
    "missing-plan-file": (
        "Thư mục '{root}' không có tệp {name}: đây không phải là thư mục kế hoạch."
    ),
    "missing-bodies-file": (
        "Thư mục kế hoạch '{root}' không có tệp {name} (danh mục cơ quan); "
        "không đọc được kế hoạch khi thiếu tệp này."
    ),
    "missing-file": "Thiếu tệp {name}.",
    "symlink-loop": (
        "Là liên kết (symlink) vòng quanh, trỏ tới '{target}'; không đọc được nên bị bỏ qua."
    ),
    "symlink-dangling": (
        "Là liên kết (symlink) hỏng: '{target}' không tồn tại; không đọc được nên bị bỏ qua."
    ),
    "symlink-outside": (
        "Là liên kết (symlink) trỏ ra ngoài thư mục kế hoạch (tới '{target}'); kehoach không "
        "đọc {what} nằm ngoài thư mục kế hoạch. Hãy chép tệp vào thư mục kế hoạch."
    ),
    "entry-is-dir": "Là một thư mục chứ không phải tệp YAML; không được đọc.",
    "not-regular": "Là {kind}, không phải tệp thường; không được mở để đọc.",
    "not-dir": "Phải là một thư mục nhưng lại là {kind}; các tệp nhiệm vụ không được đọc.",
    "entry-unreadable": "Không đọc được ({reason}).",
    "not-yaml": (
        "Không phải tệp .yaml nên không được đọc; tệp nhiệm vụ phải có đuôi .yaml "
        "(hãy đổi tên, hoặc chuyển tệp ra khỏi thư mục tasks/)."
    ),
    "hidden-yaml": (
        "Tệp ẩn (tên bắt đầu bằng dấu chấm) nên không được đọc; nếu đây là tệp nhiệm vụ, "
        "hãy bỏ dấu chấm ở đầu tên."
    ),
    "unknown-entry": (
        "Không phải tệp của kế hoạch (plan.yaml, bodies.yaml, events.yaml, tasks/) nên không "
        "được đọc; hãy chuyển nó ra khỏi thư mục kế hoạch."
    ),
    # -- reading one file ----------------------------------------------------------------
    "io": "Không đọc được tệp ({reason}).",
    "too-large": "Tệp quá lớn ({size} MB; tối đa {limit} MB).",
    "encoding-utf16": (
        "Tệp được mã hóa UTF-16, không phải UTF-8. Hãy mở tệp và lưu lại với mã hóa UTF-8."
    ),
    "encoding": (
        "Tệp không phải UTF-8 (byte 0x{byte} không hợp lệ; có thể tệp được lưu bằng "
        "Windows-1258 hoặc TCVN3). Hãy lưu lại tệp với mã hóa UTF-8."
    ),
    "merge-conflict": (
        "Dấu xung đột khi gộp (merge conflict) '{marker}': hãy giải quyết xung đột trước "
        "khi kiểm tra."
    ),
    "empty": "Tệp rỗng: không có dữ liệu.",
    "too-deep": "Cấu trúc YAML lồng nhau quá sâu (tối đa {limit} cấp).",
    "too-many-nodes": (
        "Tệp có quá nhiều phần tử sau khi mở rộng alias (tối đa {limit}; có thể là 'alias bomb')."
    ),
    "line-too-long": "Dòng {line} quá dài ({length} ký tự; tối đa {limit}).",
    "not-mapping": (
        "Cấp ngoài cùng của tệp phải là một bảng khóa: giá trị (mapping), nhưng lại là {kind}."
    ),
    "tag": "Thẻ YAML '{tag}' không được phép (tệp kế hoạch chỉ chứa dữ liệu thuần).",
    "bad-key": "Khóa phải là một chuỗi đơn giản.",
    "merge-key": (
        "Khóa gộp '<<' của YAML không được dùng trong tệp kế hoạch; hãy viết ra từng khóa của nó."
    ),
    "duplicate-key": ("Khóa '{key}' bị lặp lại (đã có ở dòng {first}); YAML chỉ giữ một giá trị."),
    "bad-date": "Ngày '{value}' không tồn tại trong lịch.",
    "bad-scalar": "Giá trị '{value}' không đọc được.",
    "control-char": (
        "Giá trị có ký tự điều khiển {char} (ở ký tự thứ {index} của giá trị); ký tự này có "
        "thể điều khiển màn hình hoặc đảo chiều chữ. Hãy xóa nó."
    ),
    "control-char-raw": ("Tệp có ký tự điều khiển {char}, không được phép trong YAML; hãy xóa nó."),
    "pure-loader": (
        "kehoach: PyYAML không có libyaml, dùng bộ đọc YAML thuần Python (chậm hơn khoảng 10 "
        "lần). Cài libyaml rồi cài lại PyYAML để đọc nhanh hơn."
    ),
    # -- fields of a plan file (pydantic's findings) -------------------------------------
    "field-missing": "Thiếu trường bắt buộc '{key}' ({label}) tại {where}.",
    "field-unknown": "Trường '{name}' không có trong định dạng tệp.{suggestion}",
    "field-bad-choice": "{field}: giá trị {shown} không hợp lệ; chỉ chấp nhận {expected}.",
    "field-bad-date": (
        "{field}: {shown} không phải là ngày hợp lệ (viết dạng YYYY-MM-DD, ví dụ 2018-08-20)."
    ),
    "field-bad-id": (
        "{field}: mã {shown} không hợp lệ (chỉ dùng chữ không dấu, số, '.', '-', '_', bắt đầu "
        "bằng chữ hoặc số)."
    ),
    "field-empty": "{field}: không được để trống.",
    "field-not-text": (
        "{field}: cần một chuỗi văn bản, không phải {shown} (hãy đặt trong dấu nháy)."
    ),
    "field-not-int": "{field}: cần một số nguyên, không phải {shown}.",
    "field-at-least": "{field}: giá trị {shown} phải không nhỏ hơn {limit}.",
    "field-at-most": "{field}: giá trị {shown} phải không lớn hơn {limit}.",
    "field-above": "{field}: giá trị {shown} phải lớn hơn {limit}.",
    "field-below": "{field}: giá trị {shown} phải nhỏ hơn {limit}.",
    "field-not-list": "{field}: cần một danh sách, không phải {shown}.",
    "field-not-mapping": "{field}: cần một bảng khóa: giá trị, không phải {shown}.",
    "field-not-bool": "{field}: cần 'true' hoặc 'false', không phải {shown}.",
    "field-too-long": "{field}: quá dài.",
    "field-invalid": "{field}: giá trị {shown} không hợp lệ.",
    # -- YAML syntax -----------------------------------------------------------------------
    "yaml-syntax": "Lỗi cú pháp YAML: {detail}.",
    "yaml-unclosed-quote": (
        "Lỗi cú pháp YAML: chuỗi trong dấu nháy mở ở đây kéo dài tới dòng {end} "
        "(thiếu dấu nháy đóng?); bộ đọc gặp lỗi ở dòng {line}, cột {col}: {detail}."
    ),
    "yaml-quote-never-closed": (
        "Lỗi cú pháp YAML: dấu {quote} mở chuỗi ở đây không được đóng, nên bộ đọc đọc chuỗi "
        "tới hết tệp. Hãy thêm dấu nháy đóng ở cuối giá trị (hoặc bỏ dấu nháy mở)."
    ),
    "yaml-tab-indent": (
        "Lỗi cú pháp YAML: dòng này thụt lề bằng ký tự tab; YAML chỉ cho thụt lề bằng dấu "
        "cách. Hãy thay tab bằng dấu cách."
    ),
    "yaml-no-space-after-colon": (
        "Lỗi cú pháp YAML: thiếu dấu cách sau dấu ':' của khóa '{key}', nên YAML không đọc "
        "được đây là 'khóa: giá trị'. Hãy viết {written}"
    ),
    "yaml-stray-dash": (
        "Lỗi cú pháp YAML: dấu '-' của phần tử danh sách ở cột {col} không thẳng với dấu '-' "
        "của phần tử trước (dòng {sibling}, cột {expected}). Các phần tử của một danh sách "
        "phải thụt lề bằng nhau; hãy thụt lề dòng này như dòng {sibling}."
    ),
    "yaml-text-after-quote": (
        "Lỗi cú pháp YAML: giá trị của '{key}' mở đầu bằng dấu {quote} nên kết thúc ở dấu "
        "nháy đóng (cột {col}), nhưng sau đó vẫn còn chữ. Hãy đặt cả giá trị trong dấu nháy "
        "đơn: {written} (trong đó hai dấu nháy đơn liền nhau là một dấu nháy đơn)."
    ),
    "yaml-colon-in-value": (
        "Lỗi cú pháp YAML: giá trị của '{key}' có dấu ':' theo sau là dấu cách, nên YAML hiểu "
        "đây là một khóa mới. Hãy đặt cả giá trị trong dấu nháy: {written}"
    ),
    # -- writing ---------------------------------------------------------------------------
    "write-failed": "Không ghi được {path} ({reason}); tệp cũ vẫn nguyên vẹn.",
    "write-outside": (
        "Không ghi: {path} nằm ngoài thư mục kế hoạch (qua liên kết symlink, tới '{target}'); "
        "kehoach chỉ sửa tệp nằm trong thư mục kế hoạch. Không có gì được ghi."
    ),
    "write-not-regular": "Không ghi: {path} không phải là tệp thường. Không có gì được ghi.",
    "lock-busy": (
        "Một lệnh khác đang ghi vào kế hoạch '{root}' (đã chờ {seconds} giây). "
        "Không có gì được ghi; hãy chạy lại sau ít phút."
    ),
    "lock-failed": (
        "Không tạo được khóa ghi cho kế hoạch '{root}' ({reason}); không có gì được ghi."
    ),
    "stale-temp-removed": "Đã xóa tệp tạm còn sót lại từ một lần ghi bị gián đoạn: {names}",
    "not-found-unreadable-tail": (
        "Kế hoạch có tệp không đọc được (có thể mã cần tìm nằm trong đó); hãy sửa các lỗi sau "
        "rồi chạy lại:"
    ),
    "edit-unreadable": "Không đọc được {path} để sửa: {detail}; tệp không bị thay đổi.",
    "edit-lone-cr": (
        "Không sửa được {path}: tệp xuống dòng bằng ký tự CR đơn (kiểu máy Mac cũ), mà "
        "kehoach chỉ sửa tệp xuống dòng bằng LF hoặc CR LF (kiểu Windows). Hãy lưu lại tệp "
        "với một trong hai kiểu đó rồi chạy lại; tệp không bị thay đổi."
    ),
    "edit-duplicate-key": (
        "Không sửa được {path}: khóa '{key}' bị lặp lại (dòng {first} và dòng {second}); "
        "hãy xóa một trong hai rồi chạy lại. Tệp không bị thay đổi."
    ),
    "edit-bad-result": (
        "Không sửa được {path} an toàn (kết quả không phải YAML hợp lệ: {detail}); "
        "tệp không bị thay đổi."
    ),
    "os-error": "Không đọc hoặc ghi được '{path}' ({reason}).",
    "internal-error": (
        "Lỗi nội bộ của kehoach: lệnh dừng giữa chừng vì một lỗi của chương trình, không "
        "phải vì kế hoạch hay cách dùng. Chi tiết kỹ thuật đã được ghi vào tệp {path}. "
        "Hãy báo lỗi cho nhóm phát triển kehoach (qua người cài đặt kehoach cho đơn vị), "
        "gửi kèm tệp đó và lệnh đã chạy."
    ),
    "internal-error-no-file": (
        "Lỗi nội bộ của kehoach: lệnh dừng giữa chừng vì một lỗi của chương trình, không "
        "phải vì kế hoạch hay cách dùng. Không ghi được tệp chi tiết ({reason}); hãy chạy "
        "lại lệnh với KEHOACH_DEBUG=1 để xem chi tiết, rồi báo lỗi cho nhóm phát triển "
        "kehoach (qua người cài đặt kehoach cho đơn vị), gửi kèm chi tiết đó và lệnh đã chạy."
    ),
    "out-of-memory": "Không đủ bộ nhớ để chạy lệnh này; hãy đóng bớt chương trình rồi chạy lại.",
    # -- whole-plan checks -------------------------------------------------------
    "undated-schedule": "thời hạn 'theo …' không cho ngày cụ thể",
    "undated-nothing": "văn bản, nhiệm vụ cha và mục đều không cho thời hạn",
    "docref-missing": (
        "'{text}' không chứa số/ký hiệu văn bản (viết dạng 26-NQ/TW hoặc 04/2013/QĐ-UBND)."
    ),
    "docref-of-task": "Nhiệm vụ {id}: ",
    "docref-of-event": "Sự kiện '{id}': ",
    "docref-of-plan": "Số của kế hoạch: ",
    "docref-of-basis": "Văn bản căn cứ: ",
    "round-of-non-recurring": (
        "kỳ '{label}' không phải một kỳ của nhiệm vụ (nhiệm vụ không định kỳ)."
    ),
    "not-a-round": "{noun} '{label}' không phải một {noun} của nhiệm vụ.",
    "of-round": " của {noun} {title}",
    "task-prefix": "Nhiệm vụ {id}: {message}",
    "deadline-unreadable": (
        "không đọc được thời hạn ({reason}); báo cáo ghi nhiệm vụ này là 'Chưa xác định thời hạn'."
    ),
    "after-without-dependency": (
        "thời hạn 'sau khi …' cần khai báo sự kiện hoặc nhiệm vụ phải chờ trong depends_on."
    ),
    "status-differs-from-last-update": (
        "trạng thái '{status}' khác với cập nhật cuối cùng ('{last}')."
    ),
    "event-in-future": "Sự kiện '{id}' có ngày xảy ra ở tương lai.",
    "update-before-plan": (
        "cập nhật ngày {date:%d/%m/%Y} sớm hơn ngày của kế hoạch ({start:%d/%m/%Y})."
    ),
    "update-in-future": "cập nhật ngày {date:%d/%m/%Y} ở tương lai (hôm nay là {today:%d/%m/%Y}).",
    "update-in-no-round": (
        "cập nhật ngày {date:%d/%m/%Y} không thuộc kỳ nào của nhiệm vụ ({first}): không "
        "được tính. Ghi kỳ của mục này ở trường 'occurrence' hoặc sửa ngày."
    ),
    "first-round": "kỳ đầu tiên là {title}, bắt đầu ngày {start:%d/%m/%Y}",
    "no-round-at-all": "thời hạn không cho kỳ nào",
    "undated-status-of-rounds": (
        "trạng thái '{status}' ghi trong tệp không có ngày nên không được tính cho {noun} "
        "nào (nhiệm vụ {what}: mỗi {noun} chỉ tính theo lịch sử có ngày); báo cáo vẫn xét "
        "từng {noun} như chưa hoàn thành. Ghi lần hoàn thành của từng {noun} vào lịch sử, "
        "ví dụ kehoach update {id} --status hoàn-thành --date …."
    ),
    "recurring-what": "định kỳ",
    "parts-what": "có thời hạn chia phần",
    "history-out-of-order": (
        "lịch sử{of_round} không theo thứ tự thời gian ({date:%d/%m/%Y} đứng sau "
        "{previous:%d/%m/%Y})."
    ),
    "duplicate-task-id": "mã bị trùng (đã dùng ở {where}).",
    "duplicate-id": "Mã {kind} '{ident}' bị trùng.",
    "unknown-body": "Cơ quan '{body}' không có trong danh mục cơ quan (bodies.yaml).{suggestion}",
    "unknown-partner": (
        "cơ quan phối hợp '{ref}' không có trong danh mục cơ quan (bodies.yaml).{suggestion}"
    ),
    "unknown-event": "sự kiện '{event}' không có trong events.yaml.{suggestion}",
    "unknown-task": "nhiệm vụ '{task_id}' không tồn tại.{suggestion}",
    "self-partner": "cơ quan '{ref}' không thể phối hợp với chính mình.",
    "dependency-cycle": "phụ thuộc vòng tròn: {cycle}.",
    "did-you-mean": " Có phải ý bạn là '{found}'?",
    "maybe-unread": " Có thể nó nằm trong tệp không đọc được {files} (xem lỗi của tệp đó).",
    "self-dependency": "không thể phụ thuộc vào chính mình.",
    "bad-term": "Nhiệm kỳ kết thúc trước khi bắt đầu.",
    "parent-done-early": "đã đánh dấu hoàn thành nhưng nhiệm vụ con chưa xong: {open_ids}.",
    "unknown-section": "mục '{section}' không có trong danh sách mục của plan.yaml.",
    # -- edits and undo ----------------------------------------------------------
    "and-more-rounds": " và {more} {noun} khác",
    "recorded-for-round": "ghi cho {noun} {title}",
    "round-not-done": "{noun} {title} chưa hoàn thành",
    "round-done": "{noun} {title} đã hoàn thành",
    "of-round-name": " của {name}",
    "undated-plan-issued": (
        "thời hạn tính từ ngày ban hành kế hoạch nhưng plan.yaml không ghi ngày ban hành ('issued')"
    ),
    "later-in-history": (
        "lịch sử{of_round} đã có cập nhật ngày {later:%d/%m/%Y}, muộn hơn {day:%d/%m/%Y}."
    ),
    "undo-file-gone": "{path} (không còn tệp)",
    "detail-at-line": "{detail} (dòng {line})",
    "file-unchanged": "Tệp đã có đúng thông tin này; không có gì thay đổi.",
    "task-unchanged": "Nhiệm vụ {id} đã có đúng cập nhật này; không có gì thay đổi.",
    "task-updated": "Nhiệm vụ {id}: {status} (ngày {day:%d/%m/%Y}){said}.",
    "task-updated-now": (
        "Nhiệm vụ {id}: {status} (ngày {day:%d/%m/%Y}){said}; trạng thái hiện tại: {final}."
    ),
    "ref-without-docref": "'{ref}' không chứa số/ký hiệu văn bản (ví dụ 35-CT/TW).",
    "event-recorded": "Sự kiện {id}: xảy ra ngày {day:%d/%m/%Y}.",
    "event-recorded-ref": "Sự kiện {id}: xảy ra ngày {day:%d/%m/%Y} ({ref}).",
    "event-waiting-tasks": "Nhiệm vụ chờ sự kiện này: {ids} (thời hạn bên dưới).",
    "event-unchanged": "Sự kiện {id} đã được ghi nhận đúng như vậy; không có gì thay đổi.",
    "bad-evidence": "số/ký hiệu văn bản không hợp lệ: {problem}",
    "batch-refused": (
        "Không ghi gì: {count} thay đổi không hợp lệ (thêm --skip-bad để ghi những thay đổi "
        "hợp lệ):"
    ),
    "batch-summary": "{count} cập nhật: ",
    "bad-docref-refused": "Không ghi: {what} có số/ký hiệu văn bản không hợp lệ:",
    "bad-docref-hint": "Hãy sửa lại, hoặc thêm --force nếu đúng là như vậy.",
    "task-refused": "Không ghi nhiệm vụ {id}:",
    "task-refused-hint": "Hãy kiểm tra lại ngày (--date), hoặc thêm --force nếu đúng là như vậy.",
    "event-refused": "Không ghi sự kiện {id}:",
    "event-refused-hint": "Hãy kiểm tra lại, hoặc thêm --force nếu đúng là như vậy.",
    "date-after-today": "ngày {day:%d/%m/%Y} ở sau ngày hôm nay ({today:%d/%m/%Y}).",
    "date-before-plan": "ngày {day:%d/%m/%Y} sớm hơn ngày của kế hoạch ({start:%d/%m/%Y}).",
    "forced": "Đã ghi dù {reason} (--force)",
    "forced-problem": "Đã ghi dù có lỗi (--force): {problem}",
    "errors-before-edit": (
        "Kế hoạch vốn đã có {count} lỗi không do lần sửa này; hãy chạy 'kehoach validate'."
    ),
    "journal-failed": (
        "Không ghi được nhật ký thay đổi ({reason}); thay đổi này không hoàn tác được bằng "
        "'kehoach undo'."
    ),
    "open-rounds": " Các {noun} còn mở: {names}.",
    "occurrence-not-a-round": "{noun} '{given}' không phải một {noun} của nhiệm vụ này.",
    "occurrence-not-started": "{noun} '{given}' chưa bắt đầu vào ngày {day:%d/%m/%Y}.",
    "undo-no-plan-dir": "Không có thư mục kế hoạch '{root}'.",
    "journal-damaged": "Nhật ký thay đổi {path} bị hỏng; hãy xóa tệp đó.",
    "undo-nothing": "Chưa có thay đổi nào được ghi qua kehoach cho kế hoạch này.",
    "undo-files-changed": (
        "Không hoàn tác: tệp đã bị sửa sau lần thay đổi #{seq} ({command}): {changed}. Không "
        "có gì được ghi; hãy sửa tay hoặc dùng git."
    ),
    "undo-failed": "Không hoàn tác được ({reason}); các tệp vẫn như trước.",
    "occurrence-before-first": (
        "ngày {day:%d/%m/%Y} ở trước kỳ đầu tiên của nhiệm vụ định kỳ này.{listed}"
    ),
    "occurrence-ambiguous": (
        "không rõ cập nhật ngày {day:%d/%m/%Y} thuộc {noun} nào: {why}; các {noun} còn mở: "
        "{names}. Hãy ghi rõ {noun}, ví dụ --occurrence {first}."
    ),
    "occurrence-not-recurring": "nhiệm vụ không định kỳ nên không có kỳ; bỏ --occurrence {given}.",
    "bad-occurrence": (
        "Kỳ '{occurrence}' không hợp lệ; viết dạng 2019, 2019-Q3, 2019-H1 hoặc 2019-08."
    ),
    "edit-plan-unreadable": "Không đọc được kế hoạch; hãy sửa các lỗi sau rồi chạy lại:",
    "edit-not-utf8": "{path} không phải UTF-8; hãy chạy 'kehoach validate'.",
    "edit-would-break": "Không ghi: sau thay đổi này kế hoạch sẽ có lỗi (tệp không bị thay đổi):",
    "file-changed": "Tệp {path} đã bị thay đổi trong lúc ghi, hãy chạy lại; không có gì được ghi.",
    "no-such-task": "Không có nhiệm vụ '{task_id}'.{suggestion}",
    "edit-duplicate-task-id": "Mã nhiệm vụ '{task_id}' bị trùng ({where}); hãy sửa trước khi ghi.",
    "no-such-event": "Không có sự kiện '{event_id}'.{suggestion}",
    "edit-batch-would-break": (
        "Không ghi: sau các thay đổi này kế hoạch sẽ có lỗi (không tệp nào bị thay đổi):"
    ),
    "edit-task-not-in-file": "Không tìm thấy nhiệm vụ {task_id} trong {path}.",
    "edit-task-refused": "Không ghi nhiệm vụ {id}: {reason}",
    "edit-event-not-in-file": "Không tìm thấy sự kiện {id} trong {path}.",
    "ref-not-a-docref": "Không ghi: --ref {reason} Thêm --force nếu đúng là như vậy.",
    "bad-status-word": (
        "Trạng thái '{text}' không hợp lệ; chấp nhận: {accepted} (có dấu hoặc không dấu)."
    ),
    "edit-not-mapping": "{path}: phần tử cần sửa không phải là một bảng khóa.",
    "edit-flow-mapping": (
        "{path}:{line}: bảng viết dạng {{…}} trên một dòng; hãy viết lại dạng khối (mỗi khóa "
        "một dòng) rồi chạy lại."
    ),
    "edit-no-dash": "{path}: không xác định được dấu '-' của phần tử danh sách.",
    "edit-reread-mismatch": (
        "Không sửa được {path} an toàn (đọc lại không khớp với thay đổi); tệp không bị thay đổi."
    ),
    "edit-overlap": "{path}: các thay đổi chồng lên nhau.",
    "edit-no-key": "{path}: không tìm thấy khóa '{key}'.",
    "edit-not-list": "{path}:{line}: '{key}' phải là một danh sách.",
    # -- application layer and portfolios ----------------------------------------
    "output-folder-missing": "Thư mục '{folder}' không tồn tại.",
    "output-write-failed": "Không ghi được {path} ({reason}).",
    "form-wrong-type": "{name}: chỉ đọc được phiếu .xlsx hoặc .docx.",
    "no-form-files": "Hãy nêu ít nhất một tệp phiếu (.xlsx hoặc .docx).",
    "unknown-body-name": "Không có cơ quan '{name}' trong danh mục.{suggestion}",
    "task-in-several-plans": (
        "Nhiệm vụ '{ref}' có trong {count} kế hoạch; hãy ghi rõ một trong: {listed} (kế "
        "hoạch nằm trong {plans_dir}/)."
    ),
    "event-in-several-plans": "Sự kiện '{ref}' có trong {count} kế hoạch; hãy ghi rõ: {listed}.",
    "unknown-plan": "Không có kế hoạch '{plan}' trong thư mục này.{suggestion}",
    "task-in-no-plan": "Không có nhiệm vụ '{ref}' trong kế hoạch nào của thư mục này.",
    "portfolio-without-plans": "Thư mục '{root}' chưa có kế hoạch nào trong plans/.",
    "event-in-no-plan": (
        "Không có sự kiện '{ref}' trong danh mục chung hay kế hoạch nào.{suggestion}"
    ),
    "body-without-tasks": "Không kế hoạch nào giao nhiệm vụ cho cơ quan '{body}'.",
    "form-of-unknown-plan": "{name}: phiếu của kế hoạch '{plan}', không có trong thư mục này.",
    "bad-within": "--within phải là số ngày từ 0 đến {most}.",
    "selection-empty": "Không có nhiệm vụ nào khớp với lựa chọn; không có gì thay đổi.",
    "shared-bodies-bad-shape": (
        "Danh mục cơ quan chung '{path}' không đúng dạng 'bodies: [...]'; hãy sửa rồi nhập lại."
    ),
    "shared-catalogue-invalid": (
        "Danh mục chung có lỗi ({problem}); hãy chạy 'kehoach validate {root}' và sửa trước "
        "khi nhập kế hoạch mới."
    ),
    "shared-bodies-unreadable": "Không đọc được danh mục cơ quan chung '{path}'.",
    "shared-bodies-flow": "Không thêm được cơ quan vào '{path}': hãy viết 'bodies:' ở dạng khối.",
    "init-not-a-folder": "'{root}' đã có và không phải là thư mục.",
    "init-inside-plan": (
        "'{root}' là một thư mục kế hoạch; hãy tạo thư mục nhiều kế hoạch ở nơi khác rồi "
        "chuyển kế hoạch vào plans/<mã>/."
    ),
    "init-no-office": "Tên cơ quan (--office) không được để trống.",
    "init-write-failed": "Không ghi được vào thư mục '{root}': {reason}.",
    "not-plan-or-portfolio": (
        "Thư mục '{path}' không có tệp {plan_file} hay {config_file}: đây không phải là thư "
        "mục kế hoạch hay thư mục nhiều kế hoạch."
    ),
    "missing-folder": "Không tìm thấy thư mục '{root}'.",
    "not-portfolio": (
        "Thư mục '{root}' không có tệp kehoach.yaml: đây không phải là thư mục nhiều kế "
        "hoạch (tạo bằng 'kehoach init')."
    ),
    "portfolio-plan-without-plan-file": "Thư mục {plans_dir}/{name} không có tệp {plan_file}.",
    "missing-shared-bodies": "Thiếu tệp {bodies_file} (danh mục cơ quan chung).",
    "bad-choice": "Giá trị '{value}' không hợp lệ cho {option}; chọn {choices}.",
    # -- commands ----------------------------------------------------------------
    "version": "kehoach {version}",
    "init-created": "  tạo   {path}",
    "init-kept": "  giữ   {path} (đã có)",
    "usage-help-hint": "Thử '{command}' để xem hướng dẫn.",
    "usage-error": "Lỗi: {message}",
    "validate-warnings": "{count} cảnh báo",
    "validate-warnings-strict": "{count} cảnh báo (--strict: tính là lỗi)",
    "validate-errors": "Tìm thấy {count} lỗi{also} trong {files} tệp{scope}.",
    "validate-also": " và {warnings}",
    "validate-tail": "; {warnings}",
    "validate-ok": "Kế hoạch hợp lệ: {tasks} nhiệm vụ, {bodies} cơ quan, {events} sự kiện{tail}.",
    "validate-failed-strict": (
        "Kế hoạch chưa đạt (--strict): {tasks} nhiệm vụ, {bodies} cơ quan, {events} sự kiện{tail}."
    ),
    "validate-portfolio-ok": (
        "Hợp lệ: {scope}, {tasks} nhiệm vụ; danh mục chung {bodies} cơ quan, {events} sự "
        "kiện{tail}."
    ),
    "validate-portfolio-failed-strict": (
        "Chưa đạt (--strict): {scope}, {tasks} nhiệm vụ; danh mục chung {bodies} cơ quan, "
        "{events} sự kiện{tail}."
    ),
    "validate-in-scope": " ({scope})",
    "validate-scope-changed": "{checked}/{total} kế hoạch có thay đổi",
    "validate-scope": "{checked} kế hoạch",
    "written": "Đã ghi {path}.",
    "written-into": "Đã ghi {what} vào {path}",
    "schema-written": "Đã ghi {path}",
    "written-counts": "Đã ghi {paths} ({counts}).",
    "nothing-changed": "Không có gì thay đổi ({counts}).",
    "unblocked-waiting": "  {id}: còn chờ {events}.",
    "unblocked-undated": "  {id}: không có hạn cụ thể.",
    "unblocked-late": "  {id}: hạn mới {due:%d/%m/%Y} — đã qua {days} ngày.",
    "unblocked-due": "  {id}: hạn mới {due:%d/%m/%Y}.",
    "undone": "Đã hoàn tác #{seq} ({command}: {summary}); khôi phục {paths}.",
    "log-nothing-until": (
        "Chưa có thay đổi nào được ghi qua kehoach cho kế hoạch này đến hết ngày {day:%d/%m/%Y}."
    ),
    "collect-blank-rows": ", {count} dòng để trống",
    "form-issued-plan": "{path}  ({plan}, {rows} nhiệm vụ)",
    "form-issued": "{path}  ({rows} nhiệm vụ)",
    "forms-issued-portfolio": "Đã lập {count} phiếu {period} cho {plans} kế hoạch trong {folder}.",
    "forms-issued": "Đã lập {count} phiếu {period} trong {folder}.",
    "bad-year": "Năm '{year}' không hợp lệ cho --year; phải từ 1900 đến 2200.",
    "output-file-needed": "Định dạng {fmt} cần tệp đầu ra: thêm -o TỆP.{fmt}.",
    "one-period-needed": (
        "Hãy chọn đúng một kỳ báo cáo: --quarter 2019-Q3, --half 2019-H1 hoặc --year 2019."
    ),
    "note": "Lưu ý: {warning}",
    "collect-refused-rows": "Dòng bị từ chối ({count}):",
    "collect-conflicts": (
        "Xung đột ({count}): nhiệm vụ đã thay đổi sau khi lập phiếu, không ghi; thêm --force "
        "để vẫn ghi."
    ),
    "collect-dry-run": "Chạy thử (--dry-run): {counts}; không ghi gì.",
    "form-body-or-all": "Hãy chọn --body MÃ (một cơ quan) hoặc --all (mọi cơ quan).",
    "import-bodies-summary": (
        "Cơ quan: {matched} khớp danh mục chung, {added} cơ quan đã thêm vào danh mục chung."
    ),
    "import-body-new": "  mới: {body_id} — {name}",
    "import-body-shared": "  dùng chung: {body_id} — {name} (đã có trong kế hoạch {plan})",
    "import-body-maybe-same": (
        "    có thể trùng với {body_id} — {name}; nếu là một cơ quan, hãy gộp lại trong "
        "bodies.yaml."
    ),
    "import-report-write-failed": "Không ghi được tệp báo cáo '{path}': {reason}.",
    "import-out-or-into": "Chỉ dùng một trong hai tùy chọn --out và --into.",
    "import-done": (
        "Đã nhập '{name}' vào '{out}': {tasks} nhiệm vụ, {bodies} cơ quan, {events} sự kiện, "
        "{sections} mục."
    ),
    "import-deadlines-to-review": "Cần xem lại {count} thời hạn (đã ghi chú cuối plan.yaml):",
    "import-result-invalid": (
        "Kế hoạch vừa nhập có {count} lỗi; hãy sửa rồi chạy 'kehoach validate'."
    ),
    "import-deadline-line": "  {where} ({reason}): {text}",
    "init-done": (
        "Đã tạo thư mục nhiều kế hoạch '{folder}' ({created} tệp mới, {kept} tệp giữ "
        "nguyên). CI đăng {page} tình hình lên Pages. Thêm kế hoạch: kehoach import VĂN_BẢN "
        "--into {folder}"
    ),
    "portfolio-no-within": "--within chưa dùng được với thư mục nhiều kế hoạch.",
    "portfolio-no-format": "--format {fmt} chưa dùng được với thư mục nhiều kế hoạch.",
    "two-plan-folders": (
        "Hai thư mục kế hoạch khác nhau: '{positional}' và --plan '{option}'; hãy chọn một."
    ),
    "portfolio-no-english": "--lang en chưa dùng được với thư mục nhiều kế hoạch.",
    "plan-option-needs-portfolio": (
        "--plan chỉ dùng với thư mục nhiều kế hoạch (có tệp kehoach.yaml)."
    ),
    "by-plan-needs-portfolio": (
        "--by plan chỉ dùng với thư mục nhiều kế hoạch (có tệp kehoach.yaml)."
    ),
    "portfolio-status-format": (
        "Thư mục nhiều kế hoạch chưa có dạng '{fmt}' cho 'kehoach status'; chọn 'table', "
        "'json', 'markdown' hoặc 'csv'."
    ),
    "update-one-plan-only": (
        "Một lần cập nhật chỉ ghi vào một kế hoạch; các mã đã nêu thuộc {names}."
    ),
    "schema-current": "{path}: JSON Schema khớp với mô hình dữ liệu.",
    "schema-stale": "{path}: đã cũ so với mô hình; hãy chạy 'kehoach schema'.",
    "calendar-written": "Đã ghi {count} sự kiện vào {output}.",
    "portfolio-no-xlsx": "--format xlsx chưa dùng được với thư mục nhiều kế hoạch.",
    "undo-dry-run": (
        "Chạy thử (--dry-run): sẽ hoàn tác #{seq} ({command}: {summary}); không ghi gì."
    ),
    "update-dry-run": "Chạy thử (--dry-run): không ghi gì vào {path}.",
    "update-batch-dry-run": "Chạy thử (--dry-run): {counts}; không ghi gì.",
    "status-option-missing": "Thiếu tùy chọn '--status'.",
    "update-what": "Hãy nêu mã nhiệm vụ, hoặc chọn nhiệm vụ bằng --body, --state hay --section.",
    "portfolio-update-what": (
        "Trong thư mục nhiều kế hoạch, hãy nêu mã KẾ_HOẠCH:NHIỆM_VỤ; chọn theo --body, "
        "--state, --section thì dùng --plan plans/<mã>."
    ),
    # -- import, forms, reports and dates ----------------------------------------
    "convert-sheet": (
        "hãy chuyển sang .xlsx, ví dụ: soffice --headless --convert-to xlsx '{name}' (hoặc "
        "mở bằng Excel, Lưu thành .xlsx)"
    ),
    "convert-pdf": (
        "hãy chuyển sang .docx, ví dụ: soffice --headless --infilter=writer_pdf_import "
        "--convert-to docx '{name}' (hoặc mở bằng Word, Word tự chuyển PDF thành văn bản); "
        "nếu PDF là bản quét, cần nhận dạng chữ (OCR) trước, ví dụ ocrmypdf"
    ),
    "convert-image": "cần nhận dạng chữ (OCR) trước, rồi lưu thành .docx hoặc .txt",
    "convert-document": (
        "hãy chuyển sang .docx, ví dụ: {command} (hoặc mở bằng Word, Lưu thành .docx)"
    ),
    "collect-refused": (
        "Không ghi gì: {count} dòng bị từ chối (thêm --skip-bad để ghi những dòng hợp lệ):"
    ),
    "form-of-other-plan": (
        "phiếu của kế hoạch '{form}', không phải của kế hoạch này ('{plan}'); không đọc phiếu này."
    ),
    "form-bad-period": "trang ẩn không ghi đúng kỳ báo cáo.",
    "form-task-changed": (
        "nhiệm vụ đã được cập nhật sau khi lập phiếu; không ghi (kiểm tra lại, hoặc thêm "
        "--force để vẫn ghi)."
    ),
    "collect-summary": "{count} phiếu: ",
    "form-no-status": "có kết quả nhưng chưa chọn Trạng thái.",
    "form-partner-status": (
        "cơ quan phối hợp không ghi trạng thái '{status}'; cơ quan chủ trì báo cáo việc này "
        "(hãy chọn 'đang thực hiện' và ghi kết quả)."
    ),
    "form-row-without-id": "dòng có nội dung nhưng không có mã nhiệm vụ.",
    "form-row-not-issued": "nhiệm vụ '{id}' không có trong phiếu khi lập; không thêm dòng mới.",
    "form-row-gone": "nhiệm vụ '{id}' không còn trong kế hoạch.",
    "form-row-twice": "nhiệm vụ '{id}' đã có ở {where}.",
    "form-round-not-recurring": "nhiệm vụ không định kỳ nhưng cột Kỳ ghi '{text}'.",
    "form-not-a-round": (
        "{noun} '{text}' không phải một {noun} của nhiệm vụ này (ví dụ: {examples})."
    ),
    "reason-bad-xml": "nội dung XML bên trong bị lỗi",
    "reason-bad-zip": "tệp nén bị hỏng",
    "reason-missing-part": "thiếu một phần bắt buộc của tệp",
    "reason-no-document": "không tìm thấy nội dung văn bản",
    "reason-bad-structure": "cấu trúc tệp không đúng chuẩn",
    "bad-state-filter": (
        "Tình trạng '{word}' không hợp lệ.{suggestion} Chọn trong: {words} (hoặc mã: {codes})."
    ),
    "bad-user-date": "Không đọc được {what} '{text}': hãy viết dạng 2018-08-20 hoặc 20/8/2018.",
    "user-date-not-in-calendar": "{what} '{text}' không tồn tại trong lịch.",
    "user-date-out-of-range": (
        "{what} '{text}' nằm ngoài khoảng kehoach tính được (từ năm {first} đến năm {last})."
    ),
    "bad-plan-year": "Năm của kế hoạch không hợp lệ: {year}.",
    "bad-period": "Không đọc được kỳ '{text}': hãy viết dạng {examples}.",
    "period-out-of-range": "Kỳ '{text}' không hợp lệ: hãy viết dạng {examples}.",
    "form-date-is-number": "ngày '{value}' là một con số; hãy viết dạng 20/9/2019.",
    "form-no-table": "{name}: không tìm thấy bảng có cột 'Mã' và 'Trạng thái'.",
    "form-too-large": "{name}: tệp quá lớn để là một phiếu báo cáo.",
    "form-unreadable": "Không đọc được {name}: {reason}.",
    "form-bad-word-file": "{name}: không đọc được tệp Word ({reason}).",
    "form-no-hidden-data": (
        "{name}: không có thông tin ẩn của phiếu; đây không phải phiếu do 'kehoach form' lập "
        "(hoặc đoạn ẩn cuối tệp đã bị xóa)."
    ),
    "form-table-missing-columns": "{name}, bảng {number}, dòng 1: thiếu cột {missing}.",
    "form-sheet-too-large": "{name}: tệp quá lớn ({size} MB) để là một phiếu báo cáo.",
    "form-no-meta-sheet": (
        "{name}: không có trang ẩn '{meta_sheet}'; đây không phải phiếu do 'kehoach form' "
        "lập (hoặc trang đó đã bị xóa)."
    ),
    "form-foreign-meta-sheet": "{name}: trang ẩn '{meta_sheet}' không phải của phiếu kehoach.",
    "form-sheet-no-header": (
        "{name}, trang '{sheet}': không tìm thấy dòng tiêu đề (cột 'Mã' và 'Trạng thái')."
    ),
    "form-sheet-missing-columns": "{name}, trang '{sheet}', dòng {row}: thiếu cột {missing}.",
    "form-bad-excel-file": "{name}: không đọc được tệp Excel ({reason}).",
    "import-no-tasks": (
        "Không tìm thấy nhiệm vụ nào trong '{name}'; không ghi thư mục kế hoạch. Hãy xem các "
        "đoạn chưa xếp được ở trên (hoặc --report) và kiểm tra văn bản."
    ),
    "import-bad-plan-id": (
        "Mã kế hoạch '{ident}' không hợp lệ: chỉ dùng chữ không dấu, số, '.', '-', '_' và "
        "bắt đầu bằng chữ hoặc số (ví dụ: 'kh-nq26')."
    ),
    "import-unreadable": "Không đọc được tệp '{name}' ({kind}): {how}.",
    "import-encrypted": (
        "Không đọc được tệp '{name}': tệp được đặt mật khẩu (mã hóa). Hãy mở bằng Word hoặc "
        "Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ → Mã hóa bằng mật khẩu, xóa mật khẩu), "
        "lưu lại rồi nhập lại."
    ),
    "import-scan": (
        "Tệp '{name}' không có chữ nào đọc được: có thể là bản quét (ảnh chụp). Hãy nhận "
        "dạng chữ (OCR) trước, ví dụ mở bằng Word hoặc dùng ocrmypdf, rồi lưu thành .docx."
    ),
    "import-missing-file": "Không tìm thấy tệp '{path}'.",
    "import-not-a-file": "'{path}' không phải là một tệp.",
    "import-wrong-type": (
        "Không nhập được tệp '{name}': chỉ nhận văn bản .txt, .md, .docx hoặc bảng tính "
        ".xlsx, .csv (tệp này có đuôi '{suffix}')."
    ),
    "import-utf16": (
        "Tệp '{name}' dùng bảng mã UTF-16; hãy lưu lại với bảng mã UTF-8 (Excel: Lưu thành "
        "'CSV UTF-8')."
    ),
    "import-no-python-docx": "Không đọc được tệp .docx: thiếu thư viện python-docx.",
    "import-docx-too-large": "Không đọc được tệp '{name}': văn bản quá lớn so với bộ nhớ của máy.",
    "import-bad-docx": (
        "Không đọc được tệp '{name}': tệp hỏng hoặc không phải văn bản Word ({reason}). Hãy "
        "mở bằng Word và lưu lại thành .docx."
    ),
    "import-not-utf8": (
        "Tệp '{name}' không phải văn bản UTF-8 (byte lạ ở vị trí {start}); hãy lưu lại với "
        "bảng mã UTF-8 (ví dụ: chuyển từ Windows-1258 hoặc TCVN3)."
    ),
    "import-no-openpyxl": "Không đọc được tệp .xlsx: thiếu thư viện openpyxl.",
    "import-xlsx-too-large": (
        "Không đọc được tệp '{name}': bảng tính quá lớn so với bộ nhớ của máy."
    ),
    "import-misnamed": (
        "Không đọc được tệp '{name}': đây là {kind} mang nhầm đuôi. Hãy đổi tên thành "
        "'{new}' rồi nhập lại."
    ),
    "import-bad-xlsx": (
        "Không đọc được tệp '{name}': tệp hỏng hoặc không phải bảng tính Excel ({reason}). "
        "Hãy mở bằng Excel và lưu lại thành .xlsx."
    ),
    "import-merged-too-large": "Trang tính '{title}' có vùng gộp ô quá lớn ({coord}).",
    "import-bad-csv": (
        "Tệp CSV '{name}' hỏng ở dòng {line}: dấu ngoặc kép không đóng hoặc ô quá dài."
    ),
    "import-out-not-dir": "'{out}' đã có và không phải là thư mục; hãy chọn --out khác.",
    "report-options-unused": (
        "{options} chỉ dùng cho báo cáo Word, Excel hoặc HTML (--format docx, xlsx hoặc "
        "html); báo cáo Markdown không có chỗ cho chúng."
    ),
    "form-out-not-dir": (
        "'{out}' đã có và không phải là thư mục; phiếu được ghi vào một thư mục (mỗi cơ quan "
        "một tệp), hãy chọn -o khác."
    ),
    "import-out-exists": "Thư mục '{out}' đã có; dùng --force để ghi đè hoặc chọn --out khác.",
    "import-mkdir-failed": "Không tạo được thư mục '{parent}': {reason}.",
    "import-write-failed": "Không ghi được vào thư mục '{parent}': {reason}.",
    "import-write-dir-failed": "Không ghi được thư mục '{out}': {reason}.",
    "zip-no-directory": (
        "Không đọc được tệp '{name}': tệp hỏng hoặc không phải {kind} (không có mục lục của "
        "tệp nén). Hãy mở lại bằng Word/Excel và lưu thành tệp mới."
    ),
    "zip-refused": (
        "Không mở tệp '{name}': {why}. Tệp như vậy có thể làm treo máy (tệp nén bất thường); "
        "nếu đây là văn bản thật, hãy mở bằng Word/Excel, bỏ hình ảnh hoặc tệp đính kèm lớn "
        "và lưu lại."
    ),
    "narrative-bad-shape": (
        "{name}:1:1: tệp phải là các mục I, II, III, IV, mỗi mục một đoạn văn hoặc một danh "
        "sách đoạn văn."
    ),
    "narrative-no-heading": (
        "{name}:1:1: không có tiêu đề mục nào; hãy viết '## I. Kết quả thực hiện', '## II. "
        "Hạn chế, nguyên nhân' … trước từng phần."
    ),
    "narrative-bad-yaml": "{name}:{where}: tệp YAML không đọc được.",
    "narrative-unknown-key": "{name}: không nhận ra mục '{key}'; các mục là: {expected}.",
    "narrative-missing": "Không tìm thấy tệp '{name}' (--narrative).",
    "narrative-unreadable": "Không đọc được tệp '{name}': {reason}.",
    "narrative-not-utf8": "{name}: tệp không phải UTF-8 (byte {byte}); hãy lưu lại dạng UTF-8.",
    "narrative-unknown-heading": (
        "{name}:{number}:1: không nhận ra mục '{heading}'; tiêu đề phải là một trong: {expected}."
    ),
    "narrative-text-before-heading": (
        "{name}:{line}:1: có nội dung trước tiêu đề mục đầu tiên; hãy đặt nó dưới một tiêu "
        "đề như '## I. Kết quả thực hiện'."
    ),
    "narrative-bad-section": (
        "{name}: mục '{key}' phải là một đoạn văn hoặc một danh sách đoạn văn."
    ),
    # -- deadline rules and archives ---------------------------------------------
    "rule-problem": "{place}: {message}",
    "rule-not-mapping": "phải là một bảng khóa–giá trị ('kind', 'start', 'due' …).",
    "rule-unknown-keys": "khóa không hợp lệ: {keys}.",
    "rule-bad-kind": "'kind' phải là một trong: {choices}.",
    "rule-start-after-due": "ngày bắt đầu ('start') sau hạn ('due').",
    "rule-bad-every": "'every' phải là một trong: {choices}.",
    "rule-recurring-without-every": "thời hạn định kỳ ('kind: recurring') cần 'every'.",
    "rule-due-without-deadline": (
        "thời hạn '{what}' ('kind: {kind}') không có ngày đến hạn: bỏ 'due'."
    ),
    "rule-from-with-due": (
        "thời hạn 'từ …' ('kind: from') không có hạn ('due'); 'từ … đến …' là 'kind: by' "
        "có 'start' và 'due'."
    ),
    "rule-bad-relation": "'relation' phải là một trong: {choices}.",
    "rule-bad-origin": "'origin' phải là một trong: {choices}.",
    "rule-relation-not-after": (
        "'relation' và 'origin' chỉ dùng cho thời hạn chờ sự kiện ('kind: after')."
    ),
    "rule-anchor-and-anchors": (
        "chỉ ghi 'anchor' (một ngày chốt) hoặc 'anchors' (nhiều), không cả hai."
    ),
    "rule-nested-parts": "một phần ('parts') không được có phần con.",
    "rule-empty-parts": "'parts' phải là một danh sách không rỗng.",
    "rule-year-out-of-range": "năm {year} nằm ngoài khoảng 1900–2200.",
    "rule-empty-text": "phải là một đoạn văn bản không rỗng.",
    "rule-not-bool": "phải là 'true' hoặc 'false'.",
    "rule-int-out-of-range": "phải là số nguyên từ {low} đến {high}.",
    "rule-anchor-shape": "phải có dạng {{month: …, day: …}}.",
    "rule-anchor-empty": "cần ít nhất 'month' hoặc 'day'.",
    "rule-month-not-yearly": "'month' chỉ dùng cho chu kỳ hằng năm ('every: year').",
    "rule-day-not-monthly": "chỉ có 'day' thì chu kỳ phải là hằng tháng ('every: month').",
    "rule-anchors-shape": "phải là danh sách từ hai ngày chốt trở lên ({{month: …, day: …}}).",
    "rule-anchors-every": "nhiều ngày chốt cần chu kỳ năm, 6 tháng, quý hoặc tháng ('every').",
    "rule-anchor-twice": "mỗi kỳ của chu kỳ chỉ được có một ngày chốt.",
    "rule-lead-shape": "phải có dạng {{n: 30, unit: day}}.",
    "rule-lead-keys": "cần 'n' và 'unit' (một trong: {choices}).",
    "rule-not-date": "phải là một ngày dạng 2019-12-31.",
    # -- deadline rules and archives ---------------------------------------------
    "rule-anchor-no-month": "cần 'month' (tháng của ngày chốt).",
    "rule-bad-date": "ngày '{value}' không hợp lệ (viết dạng 2019-12-31).",
    "zip-file-too-large": "tệp dài {size}, quá giới hạn {limit}",
    "zip-too-many-entries": "tệp nén khai báo {entries} mục, quá giới hạn {limit} mục",
    "zip-directory-too-large": "mục lục tệp nén dài {size}, quá giới hạn {limit}",
    "zip-more-entries": "tệp nén có hơn {limit} mục",
    "zip-total-too-large": "các phần khai báo tổng cộng {size} khi giải nén, quá giới hạn {limit}",
    "zip-directory-no-memory": "mục lục tệp nén quá lớn so với bộ nhớ",
    "zip-entry-too-large": (
        "phần '{filename}' khai báo {size} khi giải nén, quá giới hạn {limit} cho một phần"
    ),
    "zip-ratio": (
        "phần '{filename}' nén {ratio} lần, quá tỉ lệ {limit} : 1 của một văn bản bình thường"
    ),
    # -- application layer and portfolios ----------------------------------------
    "update-inserted": "Cập nhật được chèn vào lịch sử theo thứ tự ngày.",
    "event-already-occurred": "sự kiện đã được ghi nhận xảy ra ngày {day}.",
    "event-already-has-ref": "sự kiện đã có văn bản căn cứ '{ref}'.",
    "batch-no-such-task": "không có nhiệm vụ '{task_id}'.{suggestion}",
    "batch-duplicate-task-id": "mã nhiệm vụ '{task_id}' bị trùng.",
    "batch-bad-occurrence": (
        "kỳ '{occurrence}' không hợp lệ; viết dạng 2019, 2019-Q3, 2019-H1 hoặc 2019-08."
    ),
    "batch-already-recorded": (
        "Nhiệm vụ {id} đã có cập nhật '{status}' ngày {day}; không thêm lần nữa."
    ),
    "plan-id-not-folder": (
        "Mã kế hoạch '{ident}' khác tên thư mục '{plans}/{key}'; hãy đặt 'id: {key}' hoặc "
        "đổi tên thư mục."
    ),
    "duplicate-plan-id": "Mã kế hoạch '{ident}' bị trùng (đã dùng ở {plans}/{first}).",
    "duplicate-body": (
        "Cơ quan '{name}' đăng ký hai lần với hai mã khác nhau: '{id}' ở đây và '{first_id}' "
        "trong {where} ({path}); hãy dùng một mã."
    ),
    "body-id-conflict": (
        "Mã cơ quan '{id}' đã dùng cho '{name}' trong {where} ({path}); một mã chỉ dùng cho "
        "một cơ quan."
    ),
    "shadowed-event": (
        "Sự kiện '{id}' đã có trong danh mục sự kiện chung ({path}); hãy xóa ở đây để mọi kế "
        "hoạch dùng chung một bản ghi."
    ),
    "inconsistent-event": (
        "Sự kiện '{id}' được ghi khác nhau ở kế hoạch {first} và kế hoạch {key} (ngày xảy ra "
        "hoặc văn bản); hãy chuyển sự kiện vào danh mục sự kiện chung events.yaml."
    ),
    # -- commands ----------------------------------------------------------------
    "plan-option-not-a-plan": (
        "--plan '{option}' không phải thư mục kế hoạch, và '{positional}' không phải thư mục "
        "nhiều kế hoạch (có tệp kehoach.yaml) để --plan chọn một kế hoạch trong đó."
    ),
    "portfolio-no-body-report": "--body chưa dùng được cho báo cáo của thư mục nhiều kế hoạch.",
    # -- commands ----------------------------------------------------------------
    # -- commands ----------------------------------------------------------------
    # -- lists -------------------------------------------------------------------------
    "or": "hoặc",
}

# Vietnamese for the errno of an OSError; ``strerror`` is English (and locale-dependent).
OS_REASONS: dict[int, str] = {
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.ENOENT: "không tồn tại",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EFBIG: "tệp vượt quá kích thước tối đa cho phép",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EISDIR: "là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.ELOOP: "liên kết (symlink) vòng quanh",
    errno.EIO: "lỗi đọc ghi của thiết bị",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EEXIST: "đã tồn tại",
    errno.EBUSY: "đang bị chiếm dụng",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENFILE: "hệ thống mở quá nhiều tệp cùng lúc",
    errno.EXDEV: "không cùng một ổ đĩa",
    errno.EAGAIN: "tạm thời không dùng được",
    errno.ENXIO: "thiết bị không sẵn sàng",
    errno.ETXTBSY: "tệp đang được dùng",
    errno.ENOMEM: "không đủ bộ nhớ",
}
if hasattr(errno, "EDQUOT"):
    OS_REASONS[errno.EDQUOT] = "vượt hạn mức dung lượng đĩa"

_BAD_HEX = "mã thoát \\x, \\u hoặc \\U không đúng (thiếu chữ số hệ 16)"
# libyaml's and PyYAML's problem texts (their beginnings) → Vietnamese.
YAML_PROBLEMS: dict[str, str] = {
    "found character '\\t' that cannot start any token": (
        "ký tự tab không được dùng để thụt lề (hãy dùng dấu cách)"
    ),
    "found a tab character": "ký tự tab không được dùng để thụt lề (hãy dùng dấu cách)",
    "mapping values are not allowed": (
        "dấu ':' không được phép ở đây (thiếu dấu nháy quanh giá trị?)"
    ),
    "block sequence entries are not allowed": (
        "dấu '-' của danh sách không được phép ở đây (hãy xuống dòng trước '-')"
    ),
    "could not find expected ':'": "thiếu dấu ':' sau khóa",
    "found undefined alias": "alias (*…) chưa được định nghĩa",
    "found undefined tag handle": "thẻ YAML (!…) chưa được định nghĩa",
    "expected a single document in the stream": "tệp chỉ được chứa một tài liệu YAML",
    "but found another document": "tệp chỉ được chứa một tài liệu YAML (có dòng '---' thừa)",
    "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu nháy đóng?)",
    "found unexpected document indicator": (
        "gặp dòng '---' hoặc '...' giữa chuỗi (thiếu dấu nháy đóng?)"
    ),
    "did not find expected key": "thụt lề không đúng hoặc thiếu khóa",
    "did not find expected '-' indicator": "thụt lề danh sách không đúng",
    "did not find expected node content": "thiếu giá trị",
    "did not find expected hexdecimal number": _BAD_HEX,
    "expected escape sequence of": _BAD_HEX,
    "found invalid Unicode character escape code": "mã thoát Unicode (\\u…) không hợp lệ",
    "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi",
    "did not find expected comment or line break": "có chữ thừa sau giá trị (thiếu dấu nháy?)",
    "did not find expected ',' or ']'": "thiếu dấu ',' hoặc ']' trong danh sách",
    "did not find expected ',' or '}'": "thiếu dấu ',' hoặc '}' trong bảng",
    "found unexpected ':'": "dấu ':' không đúng chỗ",
    "expected <block end>, but found": "thụt lề không khớp với dòng trên",
    "expected <block mapping key>": "thụt lề không đúng hoặc thiếu khóa",
    "expected <document start>": "có chữ thừa sau phần cuối tài liệu",
    "while scanning a quoted scalar": "chuỗi trong dấu nháy chưa được đóng",
    "found duplicate anchor": "anchor (&…) bị định nghĩa hai lần",
    "second occurrence": "anchor (&…) bị định nghĩa hai lần",
    "did not find URI escaped octet": "thẻ YAML (!…) có mã thoát % không đúng",
    "did not find expected tag URI": "thẻ YAML (!…) không đúng",
    "did not find expected whitespace": "thiếu dấu cách sau thẻ YAML",
    "did not find expected alphabetic or numeric character": (
        "tên anchor hoặc alias (&…, *…) không hợp lệ"
    ),
    "found duplicate %YAML directive": "chỉ thị %YAML bị lặp lại",
    "found incompatible YAML document": "phiên bản YAML không được hỗ trợ",
    "found duplicate %TAG directive": "chỉ thị %TAG bị lặp lại",
    "did not find expected <document start>": "thiếu dòng '---' sau chỉ thị %",
    "found unexpected end of stream while scanning": "tệp kết thúc đột ngột",
    "could not find expected": "cú pháp không đúng",
    "found character that cannot start any token": (
        "ký tự không được đứng đầu giá trị (hãy đặt giá trị trong dấu nháy)"
    ),
    "while scanning": "cú pháp không đúng",
    "while parsing": "cú pháp không đúng",
}
YAML_UNKNOWN = "cú pháp không đúng"


# Problem codes (what --format json shows, what tests and --force match) where they are
# not the message's own code: several messages may share one problem code.
PROBLEM_CODES = {
    "encoding-utf16": "encoding",
    "control-char-raw": "control-char",
    "yaml-syntax": "invalid",
    "yaml-unclosed-quote": "invalid",
    "yaml-quote-never-closed": "invalid",
    "yaml-tab-indent": "invalid",
    "yaml-no-space-after-colon": "invalid",
    "yaml-stray-dash": "invalid",
    "yaml-text-after-quote": "invalid",
    "yaml-colon-in-value": "invalid",
}


class Message(NamedTuple):
    code: str
    text: str


def _filled(code: str, fields: dict[str, object]) -> str:
    """Template *code* with *fields*; a list or tuple field is shown as the allowed values
    ``'a', 'b' hoặc 'c'``."""
    shown = {
        name: or_list([str(item) for item in value]) if isinstance(value, list | tuple) else value
        for name, value in fields.items()
    }
    return MESSAGES[code].format(**shown)


def msg(code: str, **fields: object) -> Message:
    """The message *code* with its fields filled in."""
    return Message(PROBLEM_CODES.get(code, code), _filled(code, fields))


def text(code: str, **fields: object) -> str:
    """The text of message *code* (for an error raised rather than a problem)."""
    return _filled(code, fields)


def problem_at(path: str, message: Message, line: int = 0, col: int = 0) -> Problem:
    """A problem in *path*; without a line, about the file or entry as a whole."""
    return Problem(path, line, col, message.text, message.code)


def os_reason(exc: OSError) -> str:
    """Why an OS call failed, in Vietnamese (never the English ``strerror``)."""
    if exc.errno in OS_REASONS:
        return OS_REASONS[exc.errno]
    if exc.errno is not None:
        name = errno.errorcode.get(exc.errno, str(exc.errno))
        return f"lỗi hệ điều hành {name}"
    return "lỗi hệ điều hành"


def yaml_problem(english: str) -> str:
    """Vietnamese for a libyaml/PyYAML problem text; never the English text itself."""
    english = english.strip()
    for start, vietnamese in YAML_PROBLEMS.items():
        if english.startswith(start):
            return vietnamese
    return YAML_UNKNOWN


# The keys of a structured deadline rule (``deadline_rule:``), in words.
RULE_PLACES: dict[str, str] = {
    "deadline_rule": "quy tắc thời hạn",
    "start": "ngày bắt đầu",
    "due": "hạn",
    "anchor": "ngày chốt",
    "anchors": "ngày chốt",
    "parts": "phần",
    "lead": "thời gian thực hiện",
}


def rule_place(where: str) -> str:
    """``deadline_rule.parts[1].anchors[0]`` in words: "Quy tắc thời hạn, phần thứ 2, ngày
    chốt thứ 1" (a key without a name is quoted as written)."""
    words: list[str] = []
    for key, index in re.findall(r"([A-Za-z_]+)(?:\[(\d+)\])?", where):
        label = RULE_PLACES.get(key, f"'{key}'")
        words.append(f"{label} thứ {int(index) + 1}" if index else label)
    shown = ", ".join(words) or where
    return shown[:1].upper() + shown[1:]


def or_list(items: list[str]) -> str:
    """``'a', 'b' hoặc 'c'`` — the end of an allowed-value list, in Vietnamese."""
    quoted = [f"'{item}'" for item in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return f"{', '.join(quoted[:-1])} {MESSAGES['or']} {quoted[-1]}"
