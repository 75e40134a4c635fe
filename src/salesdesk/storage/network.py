"""Detect SQLite files on network shares, where SQLite's file locking is unreliable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "afs", "9p", "ncpfs", "coda", "davfs",
    "fuse.sshfs", "fuse.davfs2", "fuse.rclone", "fuse.gvfsd-fuse", "ceph", "glusterfs",
    "fuse.glusterfs", "lustre", "gpfs",
})


def _mount_table(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from /proc/mounts text, longest mount point first."""
    rows = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            rows.append((parts[1].replace("\\040", " "), parts[2]))
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


def filesystem_type(path: Path, mounts_text: str | None = None) -> str | None:
    """The fs type holding `path` (Linux), or None when it cannot be told."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text()
        except OSError:
            return None
    target = str(path)
    for mount_point, fs_type in _mount_table(mounts_text):
        if target == mount_point or target.startswith(mount_point.rstrip("/") + "/"):
            return fs_type
    return None


def _windows_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith("\\\\"):
        return True  # UNC path: \\server\share
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    return bool(kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE


def network_share_reason(path: Path, mounts_text: str | None = None) -> str | None:
    """Why `path` is on a network share, or None if it looks local."""
    path = path.resolve()
    probe = path if path.exists() else path.parent
    if sys.platform == "win32":
        return "it is on a network drive" if _windows_remote(probe) else None
    fs_type = filesystem_type(probe, mounts_text)
    if fs_type and (fs_type in NETWORK_FS or fs_type.split(".")[0] in NETWORK_FS):
        return f"it is on a network file system ({fs_type})"
    return None
