"""The app's logic without Qt: content, dossiers and their storage, deadlines, summaries."""
