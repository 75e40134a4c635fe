"""Words for the lead rules (no widgets): lead fields, operators, SLA units, and which
operators fit which field.

The domain speaks in enums (LeadField, Operator, Match, SlaUnit); the Lead rules dialog
shows these words instead, and turns a typed value back into what a Condition takes.
"""

from __future__ import annotations

from salesdesk.domain.lead_segments import Condition, LeadField, Match, Operator, Value
from salesdesk.domain.leads import LeadStatus
from salesdesk.domain.speed_to_lead import SlaUnit
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import status_text

F, Op = LeadField, Operator
ID_FIELDS = frozenset({F.OWNER, F.TERRITORY})
"""Stored as ids: a rule can only ask whether they are set."""
TEXT_OPERATORS = (Op.EQUALS, Op.NOT_EQUALS, Op.IN, Op.CONTAINS, Op.IS_EMPTY)
NUMBER_OPERATORS = (Op.AT_LEAST, Op.AT_MOST, Op.EQUALS, Op.NOT_EQUALS, Op.IN, Op.IS_EMPTY)
STATUS_OPERATORS = (Op.EQUALS, Op.NOT_EQUALS, Op.IN)


def field_words() -> dict[LeadField, str]:
    return {F.PERSON_NAME: tr("Person name"), F.EMAIL: tr("E-mail"), F.PHONE: tr("Phone"),
            F.JOB_TITLE: tr("Job title"), F.COMPANY: tr("Company"), F.SECTOR: tr("Sector"),
            F.COUNTRY: tr("Country"), F.REGION: tr("Region"), F.POSTCODE: tr("Postcode"),
            F.EMPLOYEES: tr("Employees"), F.SOURCE: tr("Source"), F.CAMPAIGN: tr("Campaign"),
            F.PRODUCT_INTEREST: tr("Product interest"), F.LANGUAGE: tr("Language"),
            F.STATUS: tr("Status"), F.STATUS_REASON: tr("Status reason"),
            F.SCORE: tr("Score"), F.OWNER: tr("Owner"), F.TERRITORY: tr("Territory"),
            F.NOTES: tr("Notes")}


def field_word(field: LeadField) -> str:
    return field_words().get(field, str(field))


def operator_word(op: Operator) -> str:
    words = {Op.EQUALS: tr("is"), Op.NOT_EQUALS: tr("is not"), Op.IN: tr("is one of"),
             Op.CONTAINS: tr("contains"), Op.AT_LEAST: tr("is at least"),
             Op.AT_MOST: tr("is at most"), Op.IS_EMPTY: tr("is empty")}
    return words.get(op, str(op))


def match_words() -> dict[Match, str]:
    return {Match.ALL: tr("all of the conditions hold"),
            Match.ANY: tr("any one of the conditions holds")}


def unit_word(unit: SlaUnit, amount: int = 2) -> str:
    """The unit as read after `amount` ('1 business hour', '3 business days')."""
    if amount == 1:
        words = {SlaUnit.MINUTES: tr("business minute"), SlaUnit.HOURS: tr("business hour"),
                 SlaUnit.DAYS: tr("business day")}
    else:
        words = {SlaUnit.MINUTES: tr("business minutes"), SlaUnit.HOURS: tr("business hours"),
                 SlaUnit.DAYS: tr("business days")}
    return words.get(unit, str(unit))


def operators_for(field: LeadField) -> tuple[Operator, ...]:
    """The operators a rule over `field` may use, the most useful first."""
    if field in ID_FIELDS:
        return (Op.IS_EMPTY,)
    if field is F.STATUS:
        return STATUS_OPERATORS
    return NUMBER_OPERATORS if field.is_number else TEXT_OPERATORS


def status_words() -> dict[str, LeadStatus]:
    """A status's word and its stored value, case-folded, to the status."""
    found: dict[str, LeadStatus] = {}
    for status in LeadStatus:
        found[status_text(status).casefold()] = status
        found[status.value] = status
    return found


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def unknown_statuses(text: str) -> list[str]:
    known = status_words()
    return [part for part in split_list(text) if part.casefold() not in known]


def parse_value(field: LeadField, op: Operator, text: str) -> Value:
    """The value a Condition takes from what the user typed: a list for 'is one of'
    (comma-separated), statuses by their word, nothing for 'is empty'."""
    if op is Op.IS_EMPTY:
        return None
    if field is F.STATUS:
        known = status_words()
        parts = [known[p.casefold()].value if p.casefold() in known else p
                 for p in split_list(text)]
        return tuple(parts) if op is Op.IN else (parts[0] if parts else "")
    if op is Op.IN:
        return tuple(split_list(text))
    return text.strip()


def value_text(condition: Condition) -> str:
    """A condition's value as the user types it."""
    value = condition.value
    items = value if isinstance(value, tuple) else () if value is None else (value,)
    if condition.field is F.STATUS:
        items = tuple(status_text(str(v)) for v in items)
    return ", ".join(str(v) for v in items)
