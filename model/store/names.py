"""The store's names that the rest of the app needs before a database is open.

Kept apart from the modules that use SQLAlchemy, so the window can be built and painted before
SQLAlchemy has loaded (issue 20, `model.first_paint`).
"""

DATABASE_NAME = "wegwijzer.db"  # in the data folder
START_POSITION = "dossier"  # the page a new dossier opens on
DRIVER = "postgresql+psycopg"  # a shared database's addresses

# Settings the local database keeps (`model.store.settings`)
LAST_DOSSIER = "last_dossier"
ZOOM_SETTING = "zoom"
GEOMETRY_SETTING = "windowGeometry"  # Qt's saveGeometry, base64
