"""Where to turn outside Baku: the service regions with their districts, from the reference data
(core.Region and core.District, loaded from the districts' `ombudsman_regional_centre` column),
and a schematic map of their seats drawn on the server.

The map is a plain SVG: no tiles, nothing from another site. It is decoration for sighted mouse
users: each point links to the region's entry in the list, which carries the same information and
is what keyboard and screen-reader users use (the SVG is hidden from assistive technology and its
links are out of the tab order)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from ombuds.core import refcache
from ombuds.core.collation import collated
from ombuds.core.models import District, Region

# Approximate latitude and longitude of each region's seat (the first city named when a region has
# two). A schematic, not a survey: the map says so in its caption.
SEATS: dict[str, tuple[float, float]] = {
    "hq": (40.41, 49.87),  # Baku
    "north": (41.36, 48.51),  # Guba
    "south": (39.21, 48.49),  # Jalilabad (the office is in Masalli, nearby)
    "west": (40.68, 46.36),  # Ganja
    "northwest": (41.19, 47.17),  # Sheki
    "nakhchivan": (39.21, 45.41),  # Nakhchivan city
}
# A coarse outline of the country (longitude, latitude), enough to place the seats; not a border.
OUTLINE = [
    (45.0, 41.2), (45.6, 41.0), (46.4, 41.85), (47.3, 41.65), (47.9, 41.2), (48.55, 41.85),
    (49.2, 41.0), (49.55, 40.6), (50.35, 40.4), (49.5, 40.1), (49.4, 39.5), (48.85, 38.85),
    (48.87, 38.42), (48.3, 38.6), (48.0, 39.1), (47.0, 39.2), (46.55, 38.9), (46.0, 39.6),
    (45.7, 40.1), (45.6, 40.6), (45.0, 41.2),
]  # fmt: skip
NAKHCHIVAN_OUTLINE = [
    (44.8, 39.7), (45.8, 39.55), (46.15, 38.95), (45.5, 38.9), (44.8, 39.7),
]  # fmt: skip
WEST, NORTH = 44.5, 42.1  # the map's top-left corner
SCALE_X, SCALE_Y = 100, 130  # a degree of latitude is about 1.3 of longitude here
WIDTH, HEIGHT = 600, 510


def _xy(lat: float, lon: float) -> tuple[int, int]:
    return round((lon - WEST) * SCALE_X), round((NORTH - lat) * SCALE_Y)


def _points(outline: list[tuple[float, float]]) -> str:
    return " ".join("{},{}".format(*_xy(lat, lon)) for lon, lat in outline)


@dataclass(frozen=True)
class Centre:
    code: str
    name: str
    seat: str
    is_partner: bool
    districts: tuple[str, ...]
    x: int | None
    y: int | None

    @property
    def anchor(self) -> str:
        return f"centre-{self.code}"

    @property
    def _label_left(self) -> bool:
        # Labels sit right of the point, unless they would run past the right edge (about 11 units
        # a letter at the label's size: "Джалилабад / Масаллы" is long).
        return (self.x or 0) + 16 + 11 * len(self.seat) > WIDTH

    @property
    def label_x(self) -> int:
        return (self.x or 0) + (-16 if self._label_left else 16)

    @property
    def label_anchor(self) -> str:
        return "end" if self._label_left else "start"


def _build() -> list[Centre]:
    regions = Region.objects.prefetch_related(
        Prefetch("districts", queryset=District.objects.only("name_az", "name_en", "name_ru", "region_id"))
    )
    centres = []
    for region in regions:
        seat = SEATS.get(region.code)
        x, y = _xy(*seat) if seat else (None, None)
        names = tuple(collated(district.name for district in region.districts.all()))
        centres.append(Centre(region.code, region.name, region.centre, region.is_partner, names, x, y))
    return centres


def centres() -> list[Centre]:
    """Every service region in its curated order, its districts in the alphabet of the active
    language; built once per language and version of the reference data."""
    return refcache.cached("portal.centres", _build)


def map_shapes() -> dict[str, object]:
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "outline": _points(OUTLINE),
        "nakhchivan": _points(NAKHCHIVAN_OUTLINE),
    }
