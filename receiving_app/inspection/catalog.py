"""Which checklist is current for a category: the shipped files, overridden by the site's (no Qt).

The shipped templates live in ``checklist_files/``. A site drops its own ``*.json`` files into
the ``checklists`` folder beside the station file; a site template with the same category and a
higher version replaces the shipped one, and a new category simply adds one. The station's
start loads them into the database (``store.sync_templates``), skipping a broken site file;
``current_template`` (the ``checklist`` commands) refuses one, so a supervisor sees the problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.model import ChecklistError, ChecklistTemplate
from receiving_app.inspection.templates import load_template
from receiving_app.settings import config_file


def site_folder() -> Path:
    """The station's folder for site templates: ``checklists`` beside ``station.toml``."""
    return config_file().parent / "checklists"


def shipped_templates() -> dict[str, ChecklistTemplate]:
    """The templates that come with the app, by category."""
    templates: dict[str, ChecklistTemplate] = {}
    folder = files("receiving_app") / "inspection" / "checklist_files"
    for resource in sorted(folder.iterdir(), key=lambda item: item.name):
        if resource.name.endswith(".json"):
            template = load_template(resource.read_text(encoding="utf-8"))
            templates[template.category] = template
    return templates


@dataclass(frozen=True)
class Catalog:
    """The current templates by category, and the site files left out because they are broken."""

    templates: dict[str, ChecklistTemplate]
    problems: tuple[ChecklistError, ...] = ()
    """One error per broken site file, in file-name order (``params["file"]`` names it)."""


def read_catalog(folder: Path | None = None) -> Catalog:
    """Every category's current template, skipping the broken site files (listed as problems).

    A skipped file counts as absent: its category keeps the shipped template or another site
    file's. Use this where a broken file must not stop the work (the station's start);
    ``current_templates`` refuses one instead.
    """
    templates = shipped_templates()
    problems: list[ChecklistError] = []
    folder = site_folder() if folder is None else folder
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                template = load_template(path)
            except ChecklistError as exc:
                problems.append(exc)
                continue
            current = templates.get(template.category)
            if current is None or template.version > current.version:
                templates[template.category] = template
    return Catalog(templates, tuple(problems))


def current_templates(folder: Path | None = None) -> dict[str, ChecklistTemplate]:
    """Every category's current template: shipped, or the site's when its version is higher.

    Raises:
        ChecklistError: a site file is broken (``params["file"]`` names it): a supervisor
            trying a change must see the problem rather than silently get the old template.
    """
    catalog = read_catalog(folder)
    if catalog.problems:
        raise catalog.problems[0]
    return catalog.templates


def current_template(category: str, folder: Path | None = None) -> ChecklistTemplate:
    """The current template of ``category``.

    Raises:
        ChecklistError: no template has this category (``params["known"]`` lists those that
            do), or a site file is broken.
    """
    templates = current_templates(folder)
    if category not in templates:
        raise ChecklistError(
            QT_TRANSLATE_NOOP(
                "Checklist", "There is no checklist for the category {category}; known: {known}."
            ),
            category=category,
            known=", ".join(sorted(templates)),
        )
    return templates[category]
