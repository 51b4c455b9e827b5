"""Examples shown under ``--help`` for the commands people use most."""

from __future__ import annotations

import argparse

EXAMPLES = {
    "list": """\
examples:
  jtai-desktop list
  jtai-desktop --data-dir ~/jtai/northbridge list --json
  JTAI_PASSPHRASE_FILE=~/.jtai-pass jtai-desktop list""",
    "sync": """\
examples:
  jtai-desktop sync 3f2a --folder "/media/usb/northbridge-team"
  jtai-desktop sync 3f2a --webdav https://cloud.example.org/dav/jtai \\
      --credentials-file ~/.jtai-webdav
  JTAI_WEBDAV_USER=sam JTAI_WEBDAV_PASSWORD=... jtai-desktop sync 3f2a --webdav URL""",
    "export-report": """\
examples:
  jtai-desktop export-report 3f2a --out ~/Documents/northbridge-draft.docx
  jtai-desktop export-report 3f2a --out draft.docx --override-file overrides.toml
  jtai-desktop export-report 3f2a --out team-draft.docx --internal
exit code 3: the identifying-details check found something; every hit is on standard error""",
    "invite": """\
examples:
  jtai-desktop invite 3f2a --out sam.jtai-invite --label "Sam (CQC)" \\
      --invitation-passphrase-file ~/invite-sam.txt
  (give Sam the file, and the passphrase separately: in person or by phone)""",
    "join": """\
examples:
  jtai-desktop --data-dir ~/jtai/northbridge join sam.jtai-invite \\
      --invitation-passphrase-file ~/invite-sam.txt --name "Sam Patel" --inspectorate CQC
  jtai-desktop join sam.jtai-invite --name "Sam Patel" --inspectorate "HMI Probation"
  (without --invitation-passphrase-file you are asked for it)""",
    "check": """\
examples:
  jtai-desktop check
  jtai-desktop check --repair   # also remove evidence files no record names""",
}


def with_examples(name: str) -> dict:
    """Keyword arguments for ``add_parser`` that show the command's examples in its help."""
    if name not in EXAMPLES:
        return {}
    return {"epilog": EXAMPLES[name], "formatter_class": argparse.RawDescriptionHelpFormatter}
