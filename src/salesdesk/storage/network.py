"""Detect SQLite files on network shares, where SQLite's file locking is unreliable.

Linux reads /proc/mounts, macOS asks `/sbin/mount`, Windows asks for the drive type.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smbfs", "smb3", "afs", "9p", "ncpfs", "coda", "davfs",
    "fuse.sshfs", "fuse.davfs2", "fuse.rclone", "fuse.gvfsd-fuse", "ceph", "glusterfs",
    "fuse.glusterfs", "lustre", "gpfs", "afpfs", "webdav",
})

# macOS `mount`: "//alice@nas/Sales on /Volumes/Sales (smbfs, nodev, nosuid, mounted by
# alice)". The mount point runs to the last " (": it may hold spaces and brackets itself.
_DARWIN_LINE = re.compile(r"^.*? on (/.*) \(([^,()]+)[^()]*\)\s*$")


def _proc_mounts_table(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from /proc/mounts text."""
    rows = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            rows.append((parts[1].replace("\\040", " "), parts[2]))
    return rows


def _darwin_mount_table(text: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs from the output of macOS's /sbin/mount."""
    rows = []
    for line in text.splitlines():
        match = _DARWIN_LINE.match(line)
        if match:
            rows.append((match.group(1), match.group(2).strip()))
    return rows


def _mount_table(text: str, platform: str) -> list[tuple[str, str]]:
    """(mount point, fs type) pairs, longest mount point first."""
    rows = _darwin_mount_table(text) if platform == "darwin" else _proc_mounts_table(text)
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


def _read_mounts(platform: str) -> str | None:
    try:
        if platform == "darwin":
            return subprocess.run(["/sbin/mount"], capture_output=True, text=True, check=True,
                                  timeout=5).stdout
        return Path("/proc/mounts").read_text()
    except (OSError, subprocess.SubprocessError):
        return None


def filesystem_type(path: Path, mounts_text: str | None = None,
                    platform: str = sys.platform) -> str | None:
    """The fs type holding `path` (Linux, macOS), or None when it cannot be told.
    `mounts_text`: /proc/mounts text, or on macOS the output of /sbin/mount."""
    if mounts_text is None:
        mounts_text = _read_mounts(platform)
        if mounts_text is None:
            return None
    target = str(path)
    for mount_point, fs_type in _mount_table(mounts_text, platform):
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


def network_share_reason(path: Path, mounts_text: str | None = None,
                         platform: str = sys.platform) -> str | None:
    """Why `path` is on a network share, or None if it looks local."""
    path = path.resolve()
    probe = path if path.exists() else path.parent
    if platform == "win32":
        return "it is on a network drive" if _windows_remote(probe) else None
    fs_type = filesystem_type(probe, mounts_text, platform)
    if fs_type and (fs_type in NETWORK_FS or fs_type.split(".")[0] in NETWORK_FS):
        return f"it is on a network file system ({fs_type})"
    return None
