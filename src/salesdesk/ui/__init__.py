"""Qt user interface: main window, one module per tab, models/, dialogs/."""
