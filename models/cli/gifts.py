"""The gift log on the command line (see README "Gift compliance log").

``gift CLIENT --to CONTACT [--to CONTACT2 | --to "A, B"] --value AMOUNT --currency CUR
--date YYYY-MM-DD [--kind business|personal|promotional] [--description TEXT]``
records one gift and prints, for its recipient's calendar year in the cap's currency::

    {"gift": ID, "recipient_total": "100.01", "cap": "100.00", "currency": "USD",
     "over_cap": true, "rule": {"from": "1900-01-01", "cap": "100.00", "currency": "USD"},
     "recipients": [{"contact": ID, "name", "recipient_total", "over_cap"}, ...]}

With several recipients each gets an equal share; the top-level figures are those of
the recipient with the largest total. A gift over the cap is recorded all the same
(it is a log) and ``over_cap`` says so.

``gift-rule --from DATE --cap AMOUNT --currency CUR`` adds a dated cap (a rule from
the same day changes) and prints it; ``gift-rate --currency CUR --rate N [--to USD]
[--from DATE]`` sets how many CUR one unit of the cap's currency buys.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from models.errors import ValidationError

__all__ = ["add_parsers", "cmd_gift", "cmd_gift_rate", "cmd_gift_rule", "match_contacts"]

_HONORIFICS = frozenset({"pak", "bapak", "bu", "ibu", "mr", "mrs", "ms", "mr.", "mrs.", "ms."})


def _date(field: str, text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            field, f"--{field} must be a date like 2026-03-01, not {text!r}"
        ) from None


def _words(text: str) -> list[str]:
    words = text.casefold().split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words.pop(0)
    return words


def match_contacts(wanted: list[str], contacts: list[tuple[str, str]], client: str) -> list[str]:
    """Contact ids for the names given: an id, a full name ignoring case, else the
    words of exactly one name ("Budi" or "Pak Budi" for "Budi Santoso" beside
    "Budiman"), else the starts of its words ("Sar" for "Sari Dewi")."""
    names = [n.strip() for item in wanted for n in item.split(",") if n.strip()]
    if not names:
        raise ValidationError("to", "--to needs a contact's name")
    out: list[str] = []
    for name in names:
        ids = [cid for cid, _ in contacts if cid == name]
        ids = ids or [cid for cid, n in contacts if n.casefold().split() == name.casefold().split()]
        given = _words(name)
        for fits in (str.__eq__, str.startswith):  # whole words first, then their starts
            if not ids and given:
                ids = [
                    cid
                    for cid, n in contacts
                    if all(any(fits(w, g) for w in n.casefold().split()) for g in given)
                ]
        if not ids:
            known = ", ".join(sorted(n for _, n in contacts)) or "none"
            raise ValidationError(
                "to", f"{client} has no contact named {name!r} (contacts: {known})"
            )
        if len(ids) > 1:
            several = ", ".join(sorted(n for cid, n in contacts if cid in ids))
            raise ValidationError(
                "to", f"--to {name!r} could be several contacts ({several}); give the full name"
            )
        out.append(ids[0])
    return list(dict.fromkeys(out))


def _rule_json(rule: object) -> dict[str, str]:
    from models.gifts.ledger import Rule
    from models.metrics.money import major_units as major

    assert isinstance(rule, Rule)
    return {
        "from": rule.effective_from.isoformat(),
        "cap": major(rule.cap_minor, rule.currency),
        "currency": rule.currency,
    }


def cmd_gift(args: argparse.Namespace) -> int:
    from models.cli.note_client import given_client
    from models.cli.opening import open_from_args
    from models.gift_entities import GIFT_KINDS
    from models.gifts.money import to_minor
    from models.metrics.money import major_units as major
    from models.queries import clients as client_queries
    from models.queries import gifts as gift_queries
    from models.services.gifts import record_gift
    from models.validation import currency as valid_currency

    currency = valid_currency(args.currency)
    value = to_minor("value", args.value, currency)
    day = _date("date", args.date)
    if args.kind not in GIFT_KINDS:
        raise ValidationError("kind", f"--kind must be one of {', '.join(GIFT_KINDS)}")
    with open_from_args(args) as store:
        client = given_client(store, args.client)
        assert client.id is not None
        detail = client_queries.account_detail(store, client.id)
        contacts = [(c.id, c.name) for c in detail.contacts] if detail is not None else []
        people = match_contacts(args.to, contacts, client.name)
        new = gift_queries.NewGift(tuple(people), value, currency, day, args.kind)
        try:
            previews = gift_queries.preview(store, new, store.clock.now())
        except ValueError:
            raise ValidationError("rule", "there is no gift rule: add one with gift-rule") from None
        with store.write() as uow:
            gift_id = record_gift(uow, client.id, contact_ids=people, value_minor=value,
                                  currency=currency, given_on=day, kind=args.kind,
                                  description=args.description)  # fmt: skip
    names = dict(contacts)
    top = max(previews, key=lambda p: p.total_minor)
    rule = top.rule
    output = {
        "gift": gift_id,
        "recipient_total": major(top.total_minor, rule.currency),
        "cap": major(rule.cap_minor, rule.currency),
        "currency": rule.currency,
        "over_cap": top.over_cap,
        "rule": _rule_json(rule),
        "recipients": [
            {
                "contact": p.contact_id,
                "name": names[p.contact_id],
                "recipient_total": major(p.total_minor, rule.currency),
                "over_cap": p.over_cap,
            }
            for p in previews
        ],
    }
    print(json.dumps(output, ensure_ascii=False))
    return 0


def cmd_gift_rule(args: argparse.Namespace) -> int:
    from models.cli.opening import open_from_args
    from models.gifts.money import to_minor
    from models.queries import gifts as gift_queries
    from models.services.gifts import add_gift_rule
    from models.validation import currency as valid_currency

    currency = valid_currency(args.currency)
    cap = to_minor("cap", args.cap, currency)
    day = _date("from", getattr(args, "from"))
    with open_from_args(args) as store:
        with store.write() as uow:
            rule_id = add_gift_rule(uow, day, cap, currency)
        rule = next(r for r in gift_queries.rules(store) if r.id == rule_id)
    print(json.dumps({"rule": rule_id, **_rule_json(rule)}))
    return 0


def cmd_gift_rate(args: argparse.Namespace) -> int:
    from models.cli.opening import open_from_args
    from models.gifts.money import parse_rate
    from models.queries import gifts as gift_queries
    from models.services.gifts import EARLIEST, set_gift_rate
    from models.validation import currency as valid_currency

    currency = valid_currency(args.currency)
    rate = parse_rate(args.rate)
    day = _date("from", getattr(args, "from")) if getattr(args, "from") else EARLIEST
    with open_from_args(args) as store:
        to = args.to
        if to is None:
            rules = gift_queries.rules(store)
            if not rules:
                raise ValidationError(
                    "to", "there is no gift rule to take a currency from: pass --to"
                )
            to = rules[-1].currency
        to = valid_currency(to)
        with store.write() as uow:
            rate_id = set_gift_rate(uow, currency, to, str(rate), day)
    print(json.dumps({"rate": rate_id, "currency": currency, "to": to, "per_unit": str(rate),
                      "from": day.isoformat()}))  # fmt: skip
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    gift = sub.add_parser(
        "gift", help="log a gift to a client's contact(s); prints the year's total vs the cap"
    )
    gift.add_argument("client", help="the client: its name, a short form of one, or its id")
    gift.add_argument("--to", action="append", required=True, metavar="CONTACT",
                      help="a recipient (repeat, or separate names with commas)")  # fmt: skip
    gift.add_argument("--value", required=True, help="the gift's value, like 99.99")
    gift.add_argument("--currency", required=True, help="ISO 4217 code, like USD or IDR")
    gift.add_argument("--date", required=True, help="the day given, YYYY-MM-DD")
    gift.add_argument(
        "--kind", default="business", help="business (counted), personal or promotional"
    )
    gift.add_argument("--description", default="", help="what the gift was")
    rule = sub.add_parser("gift-rule", help="add a dated gift cap (per person per year)")
    rule.add_argument("--from", required=True, help="the first day the cap applies, YYYY-MM-DD")
    rule.add_argument("--cap", required=True, help="the cap per person per calendar year")
    rule.add_argument("--currency", required=True, help="the cap's currency")
    rate = sub.add_parser("gift-rate", help="set how many units of a currency one cap unit buys")
    rate.add_argument("--currency", required=True, help="the gift's currency, like IDR")
    rate.add_argument("--rate", required=True, help="units of it per one unit of --to, like 16250")
    rate.add_argument("--to", default=None, help="the cap's currency (default: the newest rule's)")
    rate.add_argument(
        "--from", default=None, help="the first day the rate applies (default: always)"
    )
