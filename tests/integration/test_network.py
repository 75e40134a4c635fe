"""Telling a network share from a local disk, from the text of /proc/mounts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from salesdesk.storage.network import network_share_reason

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="reads Linux /proc/mounts")

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
tmpfs /run tmpfs rw,nosuid,nodev 0 0
tmpfs /srv/sd-test/tmp tmpfs rw 0 0
fileserver:/export/sales /srv/sd-test/nfs nfs4 rw,vers=4.2 0 0
//fileserver/Sales\\040Team /srv/sd-test/smb\\040share cifs rw,vers=3.0 0 0
alice@laptop:/home/alice /srv/sd-test/sshfs fuse.sshfs rw,user_id=1000 0 0
/dev/sdb1 /srv/sd-test/nfs/local-disk ext4 rw 0 0
"""


@pytest.mark.parametrize(("path", "fs_type"), [
    ("/srv/sd-test/nfs/workspace.sqlite", "nfs4"),
    ("/srv/sd-test/nfs/deep/er/workspace.sqlite", "nfs4"),
    ("/srv/sd-test/smb share/workspace.sqlite", "cifs"),
    ("/srv/sd-test/sshfs/workspace.sqlite", "fuse.sshfs"),
])
def test_network_file_systems_are_detected(path: str, fs_type: str) -> None:
    reason = network_share_reason(Path(path), MOUNTS)
    assert reason is not None
    assert fs_type in reason


@pytest.mark.parametrize("path", [
    "/srv/sd-test/workspace.sqlite",                   # ext4 root
    "/srv/sd-test/tmp/workspace.sqlite",               # tmpfs
    "/srv/sd-test/nfs/local-disk/workspace.sqlite",    # local disk mounted inside the share
    "/srv/sd-test/nfsish/workspace.sqlite",            # a name that only starts like it
])
def test_local_file_systems_are_not(path: str) -> None:
    assert network_share_reason(Path(path), MOUNTS) is None


def test_an_unknown_mount_table_is_not_a_reason_to_refuse() -> None:
    assert network_share_reason(Path("/srv/sd-test/workspace.sqlite"), "") is None

