"""The region catalogue: regions with their deelregio's and gemeenten.

A region is a small YAML file — a name and CBS codes, optionally grouped in
deelregio's. The bundled catalogue lives in ``data/bundel/regios``; an analyst's own
region is any such file, named by its path. Beside them the national divisions, made
from one bundled table: the 44 centrumregio's for beschermd wonen and maatschappelijke
opvang (``centrumregio-<centrumgemeente>``) and the 12 provinces (``provincie-<naam>``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from woonzorg_lib.algemeen.paden import BUNDEL_MAP, REGIO_MAP
from woonzorg_lib.data.yaml_io import lees_yaml

if TYPE_CHECKING:
    import pandas as pd
from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout, keuze
from woonzorg_lib.data.pydantic_nl import vertaal_fouten

GEMEENTECODE = re.compile(r"^GM\d{4}$")


#: A region or deelregio name: shown in every title, table and file, so never empty and of a readable length.
Naam = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


class _DeelregioBestand(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    naam: Naam
    gemeenten: list[str]


class _RegioBestand(BaseModel):
    """The schema of a region file."""

    model_config = ConfigDict(extra="forbid", strict=True)
    naam: Naam
    bronnen: list[str] = []
    notities: list[str] = []
    deelregios: list[_DeelregioBestand] | None = None
    gemeenten: list[str] | None = None

    @model_validator(mode="after")
    def _precies_een_indeling(self) -> _RegioBestand:
        if (self.deelregios is None) == (self.gemeenten is None):
            raise PydanticCustomError(
                "indeling", "geef óf 'gemeenten' (een lijst CBS-codes) óf 'deelregios' (met per deelregio 'naam' en 'gemeenten')"
            )
        return self


@dataclass(frozen=True)
class Regio:
    """A region: deelregio name → CBS codes of its gemeenten.

    A region without deelregio's has one deelregio named like the region.
    """

    sleutel: str
    naam: str
    deelregios: dict[str, tuple[str, ...]]
    bronnen: tuple[str, ...] = ()
    notities: tuple[str, ...] = ()

    @property
    def gemeentecodes(self) -> tuple[str, ...]:
        """All CBS codes, deelregio by deelregio."""
        return tuple(code for codes in self.deelregios.values() for code in codes)

    def indeling(self) -> pd.DataFrame:
        """One row per gemeente: gemeentecode, gemeentenaam, deelregio, in catalogue order (a fresh copy each call)."""
        import pandas as pd

        from woonzorg_lib.data.basis import gemeenten

        bewaard = self.__dict__.get("_indeling")
        if bewaard is None:  # made once per region: a report asks for it many times
            codes = list(self.gemeentecodes)
            namen = gemeenten().set_index("gemeentecode")["gemeentenaam"].reindex(codes)
            deelregio = [naam for naam, leden in self.deelregios.items() for _ in leden]
            bewaard = pd.DataFrame({"gemeentecode": codes, "gemeentenaam": namen.to_numpy(), "deelregio": deelregio})
            object.__setattr__(self, "_indeling", bewaard)
        return bewaard.copy()

    def deelregio(self, naam: str) -> Regio:
        """The sub-region with one deelregio, for a deelregio report."""
        if naam not in self.deelregios:
            tip = keuze(naam, self.deelregios)
            raise WoonzorgFout([Melding("", "deelregio", f"'{naam}' is geen deelregio van {self.naam}; {tip}")])
        return Regio(f"{self.sleutel}/{naam}", naam, {naam: self.deelregios[naam]}, self.bronnen, self.notities)


def _regio_uit_bestand(pad: Path, sleutel: str) -> Regio:
    """The region of a file, read again only when the file changed."""
    try:
        gewijzigd = pad.stat().st_mtime_ns
    except OSError:
        gewijzigd = 0
    return _lees_regio(pad, sleutel, gewijzigd)


@lru_cache(maxsize=64)
def _lees_regio(pad: Path, sleutel: str, _gewijzigd: int) -> Regio:
    inhoud: dict[str, Any] = lees_yaml(pad)
    try:
        bestand = _RegioBestand.model_validate(inhoud)
    except ValidationError as fout:
        raise WoonzorgFout(vertaal_fouten(fout, str(pad), _RegioBestand)) from None
    meldingen: list[Melding] = []
    if bestand.gemeenten is not None:
        deelregios = {bestand.naam: tuple(bestand.gemeenten)}
    else:
        deelregios = {}
        for d in bestand.deelregios or []:
            if d.naam in deelregios:
                meldingen.append(Melding(str(pad), "deelregios", f"deelregio '{d.naam}' staat er twee keer in"))
            deelregios[d.naam] = deelregios.get(d.naam, ()) + tuple(d.gemeenten)
    meldingen += _controleer_indeling(str(pad), bestand.deelregios is not None, deelregios)
    if meldingen:
        raise WoonzorgFout(meldingen)
    return Regio(sleutel, bestand.naam, deelregios, tuple(bestand.bronnen), tuple(bestand.notities))


@cache
def bekende_codes() -> frozenset[str]:
    """The CBS codes of the current division, read without pandas (fast validation)."""
    with (BUNDEL_MAP / "gemeenten.csv").open(encoding="utf-8", newline="") as f:
        return frozenset(r["gemeentecode"] for r in csv.DictReader(f))


def _controleer_indeling(naam: str, met_deelregios: bool, deelregios: dict[str, tuple[str, ...]]) -> list[Melding]:
    bekend = bekende_codes()
    meldingen: list[Melding] = []
    gezien: dict[str, str] = {}
    if met_deelregios and len(deelregios) == 0:
        meldingen.append(Melding(naam, "deelregios", "de lijst is leeg; geef minstens één deelregio"))
    for deelregio, codes in deelregios.items():
        plek = f"deelregio '{deelregio}'" if met_deelregios else "gemeenten"
        if not codes:
            meldingen.append(Melding(naam, plek, "geen gemeenten; geef minstens één CBS-code (GMnnnn)"))
        for code in codes:
            if not GEMEENTECODE.match(code):
                meldingen.append(Melding(naam, plek, f"'{code}' is geen CBS-gemeentecode; verwacht GM gevolgd door 4 cijfers"))
            elif code not in bekend:
                meldingen.append(Melding(naam, plek, f"gemeente {code} bestaat niet in de huidige gemeentelijke indeling"))
            elif code in gezien:
                waar = "" if gezien[code] == deelregio else f" (ook in deelregio '{gezien[code]}')"
                meldingen.append(Melding(naam, plek, f"gemeente {code} staat er meer dan één keer in{waar}"))
            gezien.setdefault(code, deelregio)
    return meldingen


def is_regiobestand(pad: Path) -> bool:
    """True for a region file (a name and gemeenten or deelregio's, no template): not a parameter file.

    A batch over ``parameters/voorbeelden/*.yaml`` meets both kinds side by side.
    """
    try:
        inhoud = lees_yaml(pad)
    except WoonzorgFout:
        return False
    return "notebook" not in inhoud and "naam" in inhoud and ("gemeenten" in inhoud or "deelregios" in inhoud)


def sleutel_van(naam: str) -> str:
    """A catalogue key of a name: lower case ASCII, words joined by '-'.

    >>> sleutel_van("'s-Hertogenbosch"), sleutel_van("Fryslân")
    ('s-hertogenbosch', 'fryslan')
    """
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


@cache
def _indeling_landelijk() -> tuple[dict[str, str], ...]:
    with (BUNDEL_MAP / "regio_indeling_landelijk.csv").open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def _bron_landelijk() -> tuple[str, ...]:
    from woonzorg_lib.data.bronnen import bronnen

    return (" ".join(bronnen()["regio_indeling_landelijk"].bron.split()),)


@cache
def centrumregios() -> dict[str, Regio]:
    """The 44 centrumregio's beschermd wonen / maatschappelijke opvang (CBS 2024), by key, gemeenten alphabetically."""
    leden: dict[str, list[dict[str, str]]] = {}
    for rij in sorted(_indeling_landelijk(), key=lambda r: r["gemeentenaam"].lstrip("'s-").casefold()):
        leden.setdefault(rij["centrumgemeente"], []).append(rij)
    notitie = ("Centrumregio beschermd wonen en maatschappelijke opvang: de centrumgemeente "
               "ontvangt de middelen voor de hele regio.")
    uit = {}
    for centrum, rijen in sorted(leden.items(), key=lambda kv: sleutel_van(kv[0])):
        naam = f"Centrumregio {centrum}"
        sleutel = f"centrumregio-{sleutel_van(centrum)}"
        uit[sleutel] = Regio(sleutel, naam, {naam: tuple(r["gemeentecode"] for r in rijen)}, _bron_landelijk(),
                             (f"{notitie} Code {rijen[0]['centrumregio_code']}, centrumgemeente {centrum}.",))
    return uit


def centrumregio_per_gemeente() -> pd.DataFrame:
    """Every gemeente (342) with the code and the centrumgemeente of its centrumregio (CBS 2024)."""
    import pandas as pd

    kolommen = ["gemeentecode", "centrumregio_code", "centrumgemeente"]
    return pd.DataFrame([{k: rij[k] for k in kolommen} for rij in _indeling_landelijk()], columns=kolommen)


@cache
def provincies() -> dict[str, Regio]:
    """The 12 provinces by key, each divided in the parts of its centrumregio's ('(deel)' when the rest lies outside)."""
    per_centrum: dict[str, set[str]] = {}
    for rij in _indeling_landelijk():
        per_centrum.setdefault(rij["centrumgemeente"], set()).add(rij["provincie"])
    per_provincie: dict[str, dict[str, list[str]]] = {}
    for rij in sorted(_indeling_landelijk(), key=lambda r: r["gemeentenaam"].lstrip("'s-").casefold()):
        centrum = rij["centrumgemeente"]
        deel = centrum if len(per_centrum[centrum]) == 1 else f"{centrum} (deel)"
        per_provincie.setdefault(rij["provincie"], {}).setdefault(deel, []).append(rij["gemeentecode"])
    notitie = "Deelregio's: de delen van de centrumregio's beschermd wonen en maatschappelijke opvang in de provincie."
    uit = {}
    for provincie in sorted(per_provincie, key=sleutel_van):
        sleutel = f"provincie-{sleutel_van(provincie)}"
        delen = {d: tuple(c) for d, c in sorted(per_provincie[provincie].items(), key=lambda kv: sleutel_van(kv[0]))}
        uit[sleutel] = Regio(sleutel, f"Provincie {provincie}", delen, _bron_landelijk(), (notitie,))
    return uit


#: The woningmarktregio's (Woningwet art. 41b, Staatscourant 30-8-2016) whose gemeenten a public source names: the
#: region's provinces, the source and why. Of the other 18 no list of gemeenten was found (see docs/opschalen.md).
WONINGMARKTREGIOS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Friesland": (("Fryslân",), (
        "Aedes, 'Woningmarktregio's vastgesteld en van kracht' (2016): minister Blok stelde negentien "
        "woningmarktregio's vast conform de voorstellen van de gemeenten (Staatscourant 30-8-2016), Friesland met 24 "
        "gemeenten; https://www.aedes.nl/artikelen/woningmarkt/regionale-woningmarkten/regionale-samenwerking/"
        "woningmarktregio%E2%80%99s-vastgesteld-en-van-kracht.html",
        "Omrop Fryslân, 'Gemeenten wolle ien grutte wenningmerkregio yn Fryslân' (2016): de 24 Friese gemeenten "
        "stelden voor dat Fryslân één woningmarktregio wordt; https://www.omropfryslan.nl/fy/nijs/640072/"
        "gemeenten-wolle-ien-grutte-wenningmerkregio-yn-fryslan",
        "Sindsdien zijn de 24 gemeenten door herindelingen binnen de provincie de 18 van de provincie Fryslân in de "
        "indeling van 2024 (CBS 'Gemeenten alfabetisch')",
    )),
}


@cache
def woningmarktregios() -> dict[str, Regio]:
    """The woningmarktregio's with a sourced list of gemeenten, by key (``woningmarktregio-friesland``)."""
    notitie = ("Woningmarktregio (Woningwet art. 41b): het kernwerkgebied van de woningcorporaties, vastgesteld in "
               "2016. Alleen woningmarktregio's waarvan een openbare bron de gemeenten noemt, staan in de catalogus.")
    uit = {}
    for naam, (provincies_, bron) in WONINGMARKTREGIOS.items():
        rijen = sorted((r for r in _indeling_landelijk() if r["provincie"] in provincies_),
                       key=lambda r: r["gemeentenaam"].lstrip("'s-").casefold())
        sleutel = f"woningmarktregio-{sleutel_van(naam)}"
        volledig = f"Woningmarktregio {naam}"
        uit[sleutel] = Regio(sleutel, volledig, {volledig: tuple(r["gemeentecode"] for r in rijen)}, bron, (notitie,))
    return uit


def landelijke_regios() -> dict[str, Regio]:
    """The centrumregio's, provinces and sourced woningmarktregio's by key."""
    return {**centrumregios(), **provincies(), **woningmarktregios()}


def catalogus() -> dict[str, Regio]:
    """All bundled regions by key: the region files, then the centrumregio's, the provinces and woningmarktregio's.

    >>> len(catalogus()["mra"].gemeentecodes), len(catalogus()), len(catalogus()["woningmarktregio-friesland"].gemeentecodes)
    (30, 65, 18)
    """
    eigen = {pad.stem: _regio_uit_bestand(pad, pad.stem) for pad in sorted(REGIO_MAP.glob("*.yaml"))}
    return {**eigen, **landelijke_regios()}


def laad_regio(regio: str, basismap: Path | None = None) -> Regio:
    """A region by catalogue key (``"mra"``) or by the path of an own region file.

    A relative path is taken relative to ``basismap`` (the folder of the parameter file).
    """
    if (REGIO_MAP / f"{regio}.yaml").is_file() and "/" not in regio:
        return _regio_uit_bestand(REGIO_MAP / f"{regio}.yaml", regio)
    if regio in landelijke_regios():
        return landelijke_regios()[regio]
    if regio.endswith((".yaml", ".yml")):
        pad = Path(regio)
        if not pad.is_absolute() and basismap is not None:
            pad = basismap / pad
        if not pad.is_file():
            raise WoonzorgFout([Melding("", "regio", f"regiobestand {pad} bestaat niet")])
        return _regio_uit_bestand(pad, pad.stem)
    landelijk = landelijke_regios()
    tip = keuze(regio, sorted(p.stem for p in REGIO_MAP.glob("*.yaml")))
    if tip.startswith("kies uit"):
        tip = keuze(regio, landelijk) if regio.startswith(("centrumregio-", "provincie-", "woningmarktregio-")) else tip
    if tip.startswith("kies uit"):
        tip = f"kies uit: {', '.join(sorted(p.stem for p in REGIO_MAP.glob('*.yaml')))}"
    raise WoonzorgFout([Melding("", "regio", (
        f"onbekende regio '{regio}'; {tip}, een centrumregio (centrumregio-…), een provincie (provincie-…) of een "
        "woningmarktregio (woningmarktregio-…), zie 'woonzorg data' (of geef het pad van een eigen regiobestand, .yaml)"))])
