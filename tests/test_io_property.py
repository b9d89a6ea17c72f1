"""read_export on arbitrary and malformed input: an Export or a NetgraphError, nothing else."""

from __future__ import annotations

import codecs
import io
import os
import struct
import tempfile
import time
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netgraph.errors import NetgraphError
from netgraph.io import Export, Limits, read_contacts, read_export, read_known, render_inspection

HEADERS = [
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "First Name,Last Name,Email Address,Company,Position,Connected On",
    "First Name,Last Name,Company,Connected On",
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
    "From,To,Date,Subject,Content,Direction,Folder",
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
    "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status",
    "First Name,Last Name,Company,Job Title,Text,Creation Date,Status",
    "Company Name,Title,Description,Location,Started On,Finished On",
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline",
    "Notes:",
    "",
]
FIELDS = st.one_of(
    st.sampled_from(["", " ", "Zoë", "Adler", "Acme, Inc.", 'VP "Ops"', "07 Nov 2023", "31/31/2020",
                     "1/5/18, 3:24 PM", "2023-11-07 14:03:22 UTC", "9999-99-99 99:99:99 UTC",
                     "https://www.linkedin.com/in/zo%C3%AB", "https://www.linkedin.com/in",
                     "urn:li:member:1", "%", "%ZZ", "\\x41", "LinkedIn Member", "Sponsored Conversation",
                     "Yes", "OUTGOING", "INCOMING", "Mar 2021", "2015", "\n", "\r", '"', "\t", ";"]),
    st.text(max_size=12),
)


@st.composite
def csv_texts(draw) -> str:
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    header = draw(st.sampled_from(HEADERS)).replace(",", delimiter)
    lines = []
    if draw(st.booleans()):
        lines += ["Notes:", '"When exporting your connection data, you may notice..."', ""]
    lines.append(header)
    width = max(1, header.count(delimiter) + 1)
    for _ in range(draw(st.integers(0, 6))):
        n = draw(st.integers(0, width + 2))
        cells = []
        for _ in range(n):
            value = draw(FIELDS)
            if draw(st.booleans()):
                value = '"' + value.replace('"', '""') + '"'
            cells.append(value)
        lines.append(delimiter.join(cells))
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


@st.composite
def encoded(draw, texts: st.SearchStrategy[str] | None = None) -> bytes:
    text = draw(csv_texts() if texts is None else texts)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # damage a few bytes
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=4)) + data[cut:]
    return data


def _check(path: Path) -> None:
    try:
        export = read_export(path)
    except NetgraphError:
        return
    assert isinstance(export, Export)
    assert isinstance(render_inspection(export), str)
    for column in ("person_id", "name", "url", "email", "company", "position"):
        assert export.connections[column].notna().all()


SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@settings(max_examples=150, **SETTINGS)
@given(data=st.one_of(st.binary(max_size=300), encoded()),
       name=st.sampled_from(["Connections.csv", "export.zip", "data", "messages.csv"]))
def test_any_single_file_gives_an_export_or_a_netgraph_error(data, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        _check(path)


@settings(max_examples=120, **SETTINGS)
@given(files=st.dictionaries(
    st.sampled_from(["Connections.csv", "messages.csv", "Invitations.csv", "Profile.csv",
                     "Endorsement_Received_Info.csv", "Recommendations_Given.csv", "Positions.csv",
                     "Education.csv", "Wrapper/Connections.csv", "coach_messages.csv", "x.zip"]),
    st.one_of(encoded(), st.binary(max_size=120)), max_size=4),
    truncate=st.one_of(st.none(), st.integers(0, 400)))
def test_any_zip_gives_an_export_or_a_netgraph_error(files, truncate):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    data = buffer.getvalue()
    if truncate is not None:
        data = data[:truncate]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Basic_LinkedInDataExport_11-20-2026.zip"
        path.write_bytes(data)
        _check(path)


VALID_CONNECTIONS = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                     "Zoë,Adler,https://www.linkedin.com/in/zo%C3%AB-adler,,Acme,Engineer,07 Nov 2023\n")


@settings(max_examples=100, **SETTINGS)
@given(other=st.sampled_from(["messages.csv", "Invitations.csv", "Endorsement_Given_Info.csv",
                              "Recommendations_Received.csv", "Profile.csv", "Positions.csv",
                              "Education.csv"]),
       data=encoded())
def test_a_malformed_optional_file_next_to_good_connections(other, data):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "Connections.csv").write_text(VALID_CONNECTIONS, encoding="utf-8")
        (root / other).write_bytes(data)
        _check(root)


@settings(max_examples=60, **SETTINGS)
@given(data=st.one_of(st.binary(max_size=200), encoded(csv_texts())),
       header=st.sampled_from(["connector,name,company,position,url,strength\n",
                               "url,name,closeness,tags,last_contact,notes\n", ""]))
def test_user_csvs_give_a_frame_or_a_netgraph_error(data, header):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.csv"
        path.write_bytes(header.encode() + data)
        for reader in (read_known, read_contacts):
            try:
                reader(path)
            except NetgraphError:
                pass


def test_the_strategies_produce_files_that_read(tmp_path):
    """The property tests above are not vacuous: their building blocks do make Exports."""
    (tmp_path / "Connections.csv").write_bytes(codecs.BOM_UTF8 + VALID_CONNECTIONS.encode())
    assert len(read_export(tmp_path / "Connections.csv").connections) == 1


# --------------------------------------------------------------------------------------
# Zip members (every compression method, nested zips, a directory that lies) and special
# files, under small limits: an Export or a NetgraphError, never a hang or a crash.

SMALL = Limits(max_file_size=64 * 1024, max_ratio=20, max_row=512)
METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
MEMBERS = st.one_of(encoded(), st.binary(max_size=200), st.builds(lambda n, b: b * n, st.integers(1, 40_000),
                                                                    st.sampled_from([b"a", b"0,", b"\n", b'"'])))


def _zip(files: dict[str, bytes], method: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _check_limited(path: Path, limits: Limits) -> None:
    try:
        export = read_export(path, limits=limits)
    except NetgraphError:
        return
    assert isinstance(render_inspection(export), str)
    info = export.files[export.files["kind"] == "connections"].iloc[0]
    # every row of Connections.csv is used or skipped, with its line and reason: none lost
    assert info["rows"] == info["used"] + int((export.skipped["file"] == info["file"]).sum())


@settings(max_examples=80, **SETTINGS)
@given(files=st.dictionaries(st.sampled_from(["Connections.csv", "messages.csv", "Profile.csv", "inner.zip",
                                              "Wrapper/Connections.csv", "messages (1).csv", "x.csv"]),
                             MEMBERS, max_size=4),
       method=st.sampled_from(METHODS), depth=st.integers(0, 3), small=st.booleans(),
       lie=st.one_of(st.none(), st.integers(0, 2 ** 32 - 1)))
def test_zip_members_of_any_kind_give_an_export_or_a_netgraph_error(files, method, depth, small, lie):
    data = _zip(files, method)
    for _ in range(depth):  # the export's zip inside zips
        data = _zip({"export.zip": data}, method)
    if lie is not None and b"PK\x01\x02" in data:  # the last directory entry lies about its size
        at = data.rindex(b"PK\x01\x02")
        data = data[:at + 24] + struct.pack("<I", lie) + data[at + 28:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        path.write_bytes(data)
        _check_limited(path, SMALL if small else Limits())


SPECIAL = ["fifo", "dev-zero", "dev-urandom", "outside", "broken", "folder", "inside"]


def _special(path: Path, kind: str, outside: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind in ("dev-zero", "dev-urandom"):
        path.symlink_to("/dev/" + kind[4:])
    elif kind == "outside":
        path.symlink_to(outside)
    elif kind == "broken":
        path.symlink_to(path.parent / "nowhere.csv")
    elif kind == "folder":
        path.mkdir()
    else:
        (path.parent / "real.csv").write_text(VALID_CONNECTIONS)
        path.symlink_to(path.parent / "real.csv")


@settings(max_examples=60, **SETTINGS)
@given(specials=st.dictionaries(st.sampled_from(["Connections.csv", "messages.csv", "Profile.csv",
                                                 "Invitations.csv", "unknown.csv", "export.zip"]),
                                st.sampled_from(SPECIAL), max_size=3),
       with_connections=st.booleans())
def test_special_files_in_an_export_folder_never_block_or_flood(specials, with_connections):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "export"
        root.mkdir()
        outside = Path(folder) / "secret.csv"
        outside.write_text("SECRET,LINE\n" + VALID_CONNECTIONS)
        if with_connections and "Connections.csv" not in specials:
            (root / "Connections.csv").write_text(VALID_CONNECTIONS)
        for name, kind in specials.items():
            _special(root / name, kind, outside)
        started = time.perf_counter()
        try:
            read_export(root)
        except NetgraphError as error:
            assert "SECRET" not in str(error)
        assert time.perf_counter() - started < 10
