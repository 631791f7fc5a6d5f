"""Services for the competitor list and the trends (free labels of what the market talks
about): create, edit, rename, and the names a timeline entry's text mentions.

A name is unique by its key (case-folded, blanks collapsed): "Globex" and "GLOBEX  " are
one competitor. Naming one that is in Trash puts it back. Renaming a competitor renames
it on the deals lost to it (``deals.lost_to`` keeps the name for the board and the CSV).
Moving one to Trash goes through :func:`models.services.soft_delete` ("competitor",
"trend"); its links stay, so putting it back brings its history back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import select, update

from models import validation as v
from models.entities import Competitor, Deal, Trend, deal_competitors
from models.errors import ValidationError
from models.services.base import apply, get, record_update, service, stamp_new
from models.services.trash import record_created
from models.store import UnitOfWork

NAME_MAX = 200
TREND_MAX = 80


def name_key(name: str) -> str:
    """What makes two names the same: blanks collapsed, case folded."""
    return " ".join(name.split()).casefold()


def _named(uow: UnitOfWork, cls: type[Competitor] | type[Trend], key: str) -> Any:
    return uow.session.scalars(select(cls).where(cls.name_key == key)).first()


def _check_free(uow: UnitOfWork, cls: Any, name: str, field: str, own_id: str = "") -> None:
    other = _named(uow, cls, name_key(name))
    if other is not None and other.id != own_id:
        where = " (in Trash)" if other.deleted_at is not None else ""
        raise ValidationError(field, f"{other.name!r} is already on the list{where}")


@service
def create_competitor(uow: UnitOfWork, name: str, *, website: str = "", notes: str = "") -> str:
    """Add a competitor; a name already on the list (in any case) is refused."""
    clean = v.required_text("name", name, max_len=NAME_MAX)
    _check_free(uow, Competitor, clean, "name")
    competitor = Competitor(
        name=clean,
        name_key=name_key(clean),
        website=v.website(website)[:300],
        notes=v.optional_text("notes", notes, max_len=20_000),
    )
    stamp_new(uow, competitor, "competitor")
    record_created(uow, "competitor", competitor.id)
    return competitor.id


@service
def update_competitor(uow: UnitOfWork, competitor_id: str, **values: Any) -> dict[str, Any]:
    """Change a competitor's name, website or notes; returns the previous values."""
    competitor: Competitor = get(uow, "competitor", competitor_id)
    clean: dict[str, Any] = {}
    if "name" in values:
        clean["name"] = v.required_text("name", values["name"], max_len=NAME_MAX)
        _check_free(uow, Competitor, clean["name"], "name", competitor_id)
        clean["name_key"] = name_key(clean["name"])
    if "website" in values:
        clean["website"] = v.website(values["website"])[:300]
    if "notes" in values:
        clean["notes"] = v.optional_text("notes", values["notes"], max_len=20_000)
    unknown = set(values) - {"name", "website", "notes"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "not a competitor's field")
    old = apply(uow, "competitor", competitor, clean)
    if "name" in old:
        _rename_on_deals(uow, competitor)
    old.pop("name_key", None)
    record_update(uow, update_competitor, competitor_id, old, {k: clean[k] for k in old})
    return old


def _rename_on_deals(uow: UnitOfWork, competitor: Competitor) -> None:
    """The deals lost to a renamed competitor show its new name."""
    lost = select(deal_competitors.c.deal_id).where(
        deal_competitors.c.competitor_id == competitor.id, deal_competitors.c.lost_to.is_(True)
    )
    ids = list(uow.session.scalars(lost))
    if ids:
        uow.session.execute(
            update(Deal)
            .where(Deal.id.in_(ids))
            .values(lost_to=competitor.name, updated_at=uow.now)
            .execution_options(synchronize_session="fetch")
        )
        uow.touched("deal", *ids)


def competitor_named(uow: UnitOfWork, name: str) -> Competitor:
    """The competitor called ``name`` (any case), created if new, put back if in Trash.

    Not a service of its own: the caller (a deal lost to a new name, an entry tagged by
    hand) records the undo of what it did; a competitor it created stays on the list."""
    clean = v.required_text("competitor", name, max_len=NAME_MAX)
    found: Competitor | None = _named(uow, Competitor, name_key(clean))
    if found is None:
        found = Competitor(name=clean, name_key=name_key(clean), website="", notes="")
        stamp_new(uow, found, "competitor")
    elif found.deleted_at is not None:
        found.deleted_at = None
        found.updated_at = uow.now
        uow.touched("competitor", found.id)
    return found


def trend_named(uow: UnitOfWork, name: str) -> Trend:
    """The trend called ``name`` (any case, a leading "#" dropped), created if new."""
    clean = v.required_text("trend", name.strip().lstrip("#"), max_len=TREND_MAX)
    found: Trend | None = _named(uow, Trend, name_key(clean))
    if found is None:
        found = Trend(name=clean, name_key=name_key(clean))
        stamp_new(uow, found, "trend")
    elif found.deleted_at is not None:
        found.deleted_at = None
        found.updated_at = uow.now
        uow.touched("trend", found.id)
    return found


@service
def create_trend(uow: UnitOfWork, name: str) -> str:
    clean = v.required_text("name", name.strip().lstrip("#"), max_len=TREND_MAX)
    _check_free(uow, Trend, clean, "name")
    trend = trend_named(uow, clean)
    record_created(uow, "trend", trend.id)
    return trend.id


@service
def rename_trend(uow: UnitOfWork, trend_id: str, name: str) -> dict[str, Any]:
    trend: Trend = get(uow, "trend", trend_id)
    clean = v.required_text("name", name.strip().lstrip("#"), max_len=TREND_MAX)
    _check_free(uow, Trend, clean, "name", trend_id)
    old = apply(uow, "trend", trend, {"name": clean, "name_key": name_key(clean)})
    if "name" in old:
        before, after = str(old["name"]), clean
        uow.record(
            lambda u: rename_trend(u, trend_id, before), lambda u: rename_trend(u, trend_id, after)
        )
    old.pop("name_key", None)
    return old


# -- names in text ------------------------------------------------------------------------

#: "#e-invoicing", "#AI": a hashtag in an entry tags it with that trend.
HASHTAG = re.compile(r"(?<![\w#])#(\w[\w-]{0,78}\w|\w)")


@lru_cache(maxsize=8)
def _matcher(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every name, longest first, each a whole word (or words: any blanks
    between them): "Acme" matches "met Acme today" and "Acme's offer", not "Acmes"."""
    parts = sorted({name_key(n) for n in names if n.strip()}, key=len, reverse=True)
    if not parts:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def names_in(text: str, names: Iterable[str]) -> set[str]:
    """The keys of ``names`` that ``text`` mentions as whole words (any case)."""
    pattern = _matcher(tuple(sorted(names)))
    if pattern is None or not text:
        return set()
    return {name_key(m.group(0)) for m in pattern.finditer(text)}


def hashtags_in(text: str) -> list[str]:
    """The trends a text names with a hashtag, in order, once each (any case)."""
    seen: dict[str, str] = {}
    for m in HASHTAG.finditer(text):
        seen.setdefault(name_key(m.group(1)), m.group(1))
    return list(seen.values())
