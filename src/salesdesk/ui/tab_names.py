"""The main window's tabs, in order. Qt-free so the CLI can offer them without loading Qt."""

TAB_NAMES = ("team", "territories", "leads", "pipeline", "forecast")
