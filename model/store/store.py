"""The whole store: every kind of record on one database."""

from model.store.annual_reports import AnnualReports
from model.store.overview import Overview
from model.store.settings import Settings
from model.store.snapshots import Snapshots


class Store(Overview, Snapshots, AnnualReports, Settings):
    """The dossiers in one data folder."""
