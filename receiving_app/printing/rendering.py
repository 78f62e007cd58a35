"""How a queued job becomes printer bytes: the render function the spooler is given (no Qt).

``RenderFn(kind, payload, size, dpi, format) -> bytes`` is the injection point between the print
queue and ``labels``: the spooler calls it with the job's kind and JSON payload and the printer's
stock, resolution and format. :func:`label_renderer` builds the default, which hands the payload
to :func:`labels.render_label`: a job's payload holds the fields of its kind's label data
(``LPNLabelData``, ``DispositionLabelData``, ``ParcelLabelData``) by name, and the captions are
added here, in the station's language, because ``labels`` never translates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from labels import (
    CartonLabelData,
    DispositionLabelData,
    LabelData,
    LabelError,
    LabelFormat,
    LabelKind,
    LPNLabelData,
    ParcelLabelData,
    parse_label_size,
    render_label,
)
from receiving_app.disposition.model import DISPOSITION_TEXTS, ROUTING, Disposition
from receiving_app.i18n import TranslateFn, identity_translate
from receiving_app.label_captions import label_captions

RenderFn = Callable[[str, Mapping[str, object], str, int, str], bytes]

_DATA: dict[LabelKind, type[LabelData]] = {
    LabelKind.LPN: LPNLabelData,
    LabelKind.DISPOSITION: DispositionLabelData,
    LabelKind.PARCEL: ParcelLabelData,
    LabelKind.CARTON: CartonLabelData,
}


def label_renderer(translate: TranslateFn = identity_translate) -> RenderFn:
    """The render function of a station that speaks ``translate``'s language."""

    def render(
        kind: str, payload: Mapping[str, object], size: str, dpi: int, label_format: str
    ) -> bytes:
        """Render one queued label.

        Raises:
            LabelError: an unknown kind or format, a payload that lacks a field of its kind's
                label data, or data the label cannot show.
        """
        try:
            label_kind, output = LabelKind(kind), LabelFormat(label_format)
        except ValueError:
            raise LabelError(f"no {kind} labels as {label_format}", field="kind") from None
        data = _label_data(label_kind, payload, translate)
        return render_label(label_kind, data, parse_label_size(size), dpi, output)

    return render


def _label_data(
    kind: LabelKind, payload: Mapping[str, object], translate: TranslateFn
) -> LabelData:
    """The label data of ``kind`` from a job's payload, with its captions translated."""
    data_class = _DATA[kind]
    values: dict[str, object] = {}
    for field in dataclasses.fields(data_class):
        if field.name == "captions":
            values["captions"] = label_captions(kind.value, translate)
        elif field.name in payload:
            values[field.name] = payload[field.name]
    if kind is LabelKind.DISPOSITION and "route" in payload:
        values["disposition"] = _route_text(str(payload["route"]), translate)
    if kind is LabelKind.PARCEL and isinstance(values.get("condition"), str):
        # The stored code (intact, damaged...), named as the receiving screen names it.
        values["condition"] = translate(DOMAIN_WORDS, str(values["condition"]))
    try:
        return data_class(**values)  # type: ignore[arg-type]
    except TypeError as error:  # a required field is missing from the payload
        raise LabelError(
            f"the payload does not fit a {kind} label: {error}", field="payload"
        ) from None


DOMAIN_WORDS = "DomainWords"


def _route_text(route: str, translate: TranslateFn) -> str:
    """The route in the station's language, in capitals as the label prints it."""
    try:
        text = DISPOSITION_TEXTS[Disposition(route)]
    except ValueError:
        raise LabelError(f"unknown route {route!r}", field="route") from None
    return translate(ROUTING, text).upper()
