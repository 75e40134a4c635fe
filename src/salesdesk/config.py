"""Where things live on this computer (platformdirs), read at start, never at import."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "SalesDesk"
APP_AUTHOR = "SalesDesk"


def default_workspace() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, APP_AUTHOR) / "workspace.sqlite"


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, APP_AUTHOR)
