"""Qt widgets: the main window, the wizard pages and what they need to show the model."""
