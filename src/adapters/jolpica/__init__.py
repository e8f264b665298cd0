"""The Jolpica API (Ergast's successor): a polite HTTP client and the archive feed on it."""

from adapters.jolpica.client import PoliteJsonClient
from adapters.jolpica.feed import JOLPICA_URL, JolpicaArchiveFeed

__all__ = ["JOLPICA_URL", "JolpicaArchiveFeed", "PoliteJsonClient"]
