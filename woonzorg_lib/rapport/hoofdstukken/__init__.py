"""The chapters of the prototype format, one module each; ``Rapport`` calls them, ``weergave`` shows them.

- ``inhoud``: the table of contents of each template;
- ``selectie``: what several chapters select from one analysis (units, demand, protection, tiers);
- ``onderdelen``: what a chapter returns (text, tables as DataFrames, figures, maps);
- ``weergave``: the display step that renders those parts;
- one module per chapter: ``samenvatting``, ``afbakening``, ``bevolking``, ``vraag``, ``aanbod``,
  ``confrontatie``, ``verdeling``, ``gevoeligheid``, ``monitor``, ``verantwoording``;
- ``rapport``: ``Rapport``, one method per chapter.
"""

from woonzorg_lib.rapport.hoofdstukken.rapport import Rapport

__all__ = ["Rapport"]
