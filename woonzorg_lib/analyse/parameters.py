"""The parameter contract: one pydantic model per notebook template.

A parameter file is YAML: ``notebook`` names the template, every other key is a field
of that template's model. Fields are JSON types only, because papermill injects
nothing else. The same validation runs in ``woonzorg valideer``, in the batch runner
before any kernel starts, and in the first notebook cell after injection.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout, keuze
from woonzorg_lib.algemeen.paden import papermill_parametermap
from woonzorg_lib.data.catalogus import Regio, laad_regio
from woonzorg_lib.data.getallen import OngeldigGetal, lees_getal
from woonzorg_lib.data.pydantic_nl import vertaal_fouten
from woonzorg_lib.data.yaml_io import lees_yaml
from woonzorg_lib.model.doelgroepen import AANDACHTSGROEPEN

VERDEELSLEUTELS: tuple[str, ...] = (
    "inwoners", "huishoudens", "sociale_huurvoorraad", "verhuringen", "huidige_belasting", "herkomstgemeente",
    "draagkracht",
)
STANDAARD_VERDEELSLEUTELS: dict[str, dict[str, float]] = {
    "Naar inwoners": {"inwoners": 1.0},
    "Naar sociale huurvoorraad": {"sociale_huurvoorraad": 1.0},
    "Inwoners en verhuringen": {"inwoners": 0.5, "verhuringen": 0.5},
}


class LaagMiddenHoog(BaseModel):
    """A range of a number: laag ≤ midden ≤ hoog."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    laag: float = Field(ge=0, description="de lage waarde")
    midden: float = Field(ge=0, description="de middenwaarde")
    hoog: float = Field(ge=0, description="de hoge waarde")

    @model_validator(mode="after")
    def _oplopend(self) -> LaagMiddenHoog:
        if not self.laag <= self.midden <= self.hoog:
            raise PydanticCustomError(
                "bereik", "laag ({laag}) ≤ midden ({midden}) ≤ hoog ({hoog}) klopt niet",
                {"laag": self.laag, "midden": self.midden, "hoog": self.hoog},
            )
        return self


MUTATIEGRAAD_MAX = 0.3  # no corporation portfolio re-lets more than 30% of its homes a year


class Basisparameters(BaseModel):
    """Fields every template shares."""

    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)

    regio: str = Field(description="sleutel uit de regiocatalogus (bijv. mra) of pad naar een eigen regiobestand")
    peiljaar: int = Field(2025, ge=2015, le=2040, description="eerste jaar van de analyse en jaar van de kerncijfers")
    doeljaar: int = Field(2030, ge=2016, le=2050, description="laatste jaar van de analyse")
    scenario: Literal["laag", "midden", "hoog"] = Field("midden", description="bandbreedte: laag, midden of hoog")
    invoer: str | None = Field(None, description="pad naar een ingevuld invoerformat; leeg: gelabelde schattingen")
    aandeel_verhuringen_aandachtsgroepen: float = Field(
        0.10, ge=0, le=1, description="afgesproken aandeel van de sociale verhuringen voor aandachtsgroepen"
    )
    verdeelsleutels: dict[str, dict[str, float]] = Field(
        default_factory=lambda: {k: dict(v) for k, v in STANDAARD_VERDEELSLEUTELS.items()},
        description="varianten voor de fair-share verdeling: naam → {sleutel: gewicht}",
    )
    plafond_aandeel_verhuringen: float | None = Field(
        None, gt=0, le=1, description="plafond per gemeente als aandeel van haar verhuringen; leeg: geen plafond"
    )
    plafond_doelgroepen: list[str] | None = Field(
        None, description="doelgroepen waarvoor het plafond geldt (bijv. de uitstroom uit instellingen); leeg: het "
                          "plafond geldt voor de hele opgave",
    )
    correctie_jaren: int | None = Field(
        None, ge=1, le=30, description="jaren waarover de huidige belasting wordt rechtgetrokken; leeg: geen correctie"
    )
    taakstelling_onbekend: LaagMiddenHoog | None = Field(
        None, description="landelijk aantal vergunninghouders voor een halfjaar zonder gepubliceerd aantal, "
                          "{laag, midden, hoog}; leeg: het bereik van de laatste drie gepubliceerde halfjaren",
    )
    mutatiegraad: float | dict[str, float] | None = Field(
        None, description="verhuringen als aandeel van de sociale voorraad: één getal voor het gebied, of per "
                          "gemeente (CBS-code of naam); leeg: het kengetal",
    )
    drempel_onthulling: int = Field(10, ge=1, le=100, description="kleinste aantal personen dat een rapport toont")
    data_editie: str | None = Field(
        None, description="data-editie uit woonzorg data; leeg: de nieuwste die de regio dekt; bundel: de meegeleverde"
    )
    status: Literal["concept", "vastgesteld"] = Field(
        "concept", description="status op het titelblad: concept, of vastgesteld (dan met vastgesteld_op)")
    vastgesteld_op: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="datum van vaststelling (JJJJ-MM-DD); alleen bij status vastgesteld")
    opgesteld_door: str | None = Field(None, description="organisatie die het rapport uitbrengt, op het titelblad")
    contact: str | None = Field(None, description="contactpersoon of -adres voor vragen, op het titelblad")

    @field_validator("verdeelsleutels")
    @classmethod
    def _bekende_sleutels(cls, waarde: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        if not waarde:
            raise PydanticCustomError("verdeelsleutels", "geef minstens één variant met verdeelsleutels")
        for naam, gewichten in waarde.items():
            onbekend = [k for k in gewichten if k not in VERDEELSLEUTELS]
            if onbekend:
                raise PydanticCustomError(
                    "verdeelsleutels", "variant '{naam}': onbekende sleutel {sleutel}; {tip}",
                    {"naam": naam, "sleutel": ", ".join(onbekend), "tip": keuze(onbekend[0], VERDEELSLEUTELS)},
                )
            if any(g < 0 for g in gewichten.values()) or sum(gewichten.values()) <= 0:
                raise PydanticCustomError(
                    "verdeelsleutels", "variant '{naam}': gewichten moeten 0 of meer zijn en samen meer dan 0",
                    {"naam": naam},
                )
        return waarde

    @field_validator("plafond_doelgroepen")
    @classmethod
    def _bekende_doelgroepen(cls, waarde: list[str] | None) -> list[str] | None:
        for sleutel in waarde or []:
            if sleutel not in AANDACHTSGROEPEN:
                raise PydanticCustomError("plafond_doelgroepen", "onbekende aandachtsgroep {sleutel}; {tip}",
                                          {"sleutel": sleutel, "tip": keuze(sleutel, AANDACHTSGROEPEN)})
        if waarde is not None and not waarde:
            raise PydanticCustomError("plafond_doelgroepen", "noem minstens één doelgroep, of laat de sleutel weg")
        return waarde

    @field_validator("mutatiegraad")
    @classmethod
    def _mutatiegraad_als_aandeel(cls, waarde: float | dict[str, float] | None) -> float | dict[str, float] | None:
        waarden = waarde.values() if isinstance(waarde, dict) else [] if waarde is None else [waarde]
        for getal in waarden:
            if not 0 < getal <= MUTATIEGRAAD_MAX:
                raise PydanticCustomError(
                    "mutatiegraad", "mutatiegraad {waarde} is geen aandeel tussen 0 en {max} (bijv. 0.05 voor 5%)",
                    {"waarde": getal, "max": MUTATIEGRAAD_MAX},
                )
        return waarde

    @field_validator("vastgesteld_op", mode="before")
    @classmethod
    def _datum_als_tekst(cls, waarde: object) -> object:
        """A date YAML read as a date (2026-12-01) is the same date as text."""
        return waarde.isoformat() if isinstance(waarde, dt.date) else waarde

    @model_validator(mode="after")
    def _vaststelling(self) -> Basisparameters:
        if self.status == "vastgesteld" and not self.vastgesteld_op:
            raise PydanticCustomError(
                "vastgesteld_op", "status vastgesteld vraagt de datum van vaststelling: zet vastgesteld_op (JJJJ-MM-DD)")
        if self.vastgesteld_op and self.status != "vastgesteld":
            raise PydanticCustomError(
                "vastgesteld_op", "vastgesteld_op is gezet bij status {status}: zet status op vastgesteld, of laat de "
                "datum weg", {"status": self.status})
        if self.vastgesteld_op:
            try:
                dag = dt.date.fromisoformat(self.vastgesteld_op)
            except ValueError:
                raise PydanticCustomError("vastgesteld_op", "vastgesteld_op {datum} is geen bestaande datum",
                                          {"datum": self.vastgesteld_op}) from None
            if dag > dt.date.today():
                raise PydanticCustomError("vastgesteld_op", "vastgesteld_op {datum} ligt in de toekomst",
                                          {"datum": self.vastgesteld_op})
        return self

    @model_validator(mode="after")
    def _correctie_vraagt_belasting(self) -> Basisparameters:
        if self.correctie_jaren and not self.invoer:
            raise PydanticCustomError(
                "correctie_jaren", "correctie_jaren vraagt de huidige belasting uit een invoerformat: geef invoer, met "
                "huidige_belasting voor elke gemeente, of laat correctie_jaren weg")
        return self

    @model_validator(mode="after")
    def _plafond_bij_doelgroepen(self) -> Basisparameters:
        if self.plafond_doelgroepen and not self.plafond_aandeel_verhuringen:
            raise PydanticCustomError(
                "plafond_doelgroepen", "plafond_doelgroepen is gezet zonder plafond_aandeel_verhuringen: geef ook het plafond")
        return self

    @model_validator(mode="after")
    def _doeljaar_na_peiljaar(self) -> Basisparameters:
        if self.doeljaar <= self.peiljaar:
            raise PydanticCustomError(
                "doeljaar", "doeljaar ({doeljaar}) moet na het peiljaar ({peiljaar}) liggen",
                {"doeljaar": self.doeljaar, "peiljaar": self.peiljaar},
            )
        return self


class WoonzorganalyseParameters(Basisparameters):
    """The prototype format for one deelregio, or for a whole region when ``deelregio`` is empty."""

    deelregio: str | None = Field(None, description="naam van de deelregio; leeg: de hele regio")
    verdeling_binnen_deelregio: bool = Field(
        False, description="toon naast de regionale verdeling ook een verdeling van de eigen opgave binnen de deelregio",
    )


class RegioOverzichtParameters(Basisparameters):
    """The regional overview: all deelregio's side by side."""


SJABLONEN: dict[str, type[Basisparameters]] = {
    "woonzorganalyse": WoonzorganalyseParameters,
    "regio-overzicht": RegioOverzichtParameters,
}


@dataclass(frozen=True)
class Parameterbestand:
    """A validated parameter file: which template, and its parameters."""

    pad: Path
    notebook: str
    parameters: Basisparameters


def _pad_bij(waarde: str, basismap: Path) -> Path:
    pad = Path(waarde)
    return pad if pad.is_absolute() else (basismap / pad).resolve()


# Fields (and their nested values) that hold a real number: there a Dutch decimal comma is read as well.
_GETALVELDEN: dict[str, int] = {  # field → depth of the number (0: the value, 1: values of a mapping, 2: nested)
    "aandeel_verhuringen_aandachtsgroepen": 0, "plafond_aandeel_verhuringen": 0, "mutatiegraad": 1,
    "taakstelling_onbekend": 1, "verdeelsleutels": 2,
}


def _getal_of_tekst(waarde: Any, diepte: int) -> Any:
    """A number written with a Dutch decimal comma ('0,15') as a float; anything else unchanged."""
    if isinstance(waarde, dict) and diepte > 0:
        return {k: _getal_of_tekst(v, diepte - 1) for k, v in waarde.items()}
    if isinstance(waarde, str) and "," in waarde:
        try:
            return lees_getal(waarde, "nl", procent=False)
        except OngeldigGetal:
            return waarde  # not a number: the model's own message names the key and what it expects
    return waarde


def nederlandse_getallen(waarden: dict[str, Any]) -> dict[str, Any]:
    """Parameter values with Dutch decimals read as numbers, as the invoerformat reads them.

    >>> nederlandse_getallen({"aandeel_verhuringen_aandachtsgroepen": "0,15", "mutatiegraad": {"Velsen": "0,052"}})
    {'aandeel_verhuringen_aandachtsgroepen': 0.15, 'mutatiegraad': {'Velsen': 0.052}}
    """
    return {k: _getal_of_tekst(v, _GETALVELDEN[k]) if k in _GETALVELDEN else v for k, v in waarden.items()}


def valideer_parameters(
    notebook: Any, waarden: dict[str, Any], bestand: str = "parameters", basismap: Path | None = None
) -> Basisparameters:
    """Validate parameter values for a template; raise WoonzorgFout with every problem at once.

    Relative paths (an own region file, the invoer workbook) are taken relative to
    ``basismap`` (by default the folder of the parameter file the plain papermill CLI was given with
    ``-f``, else the working folder) and returned absolute. A number may have a Dutch decimal comma (``0,15``).

    >>> valideer_parameters("woonzorganalyse", {"regio": "mra", "deelregio": "IJmond"}).doeljaar
    2030
    """
    basismap = basismap or papermill_parametermap() or Path.cwd()
    waarden = nederlandse_getallen(waarden)
    meldingen: list[Melding] = []
    bekend_sjabloon = isinstance(notebook, str) and notebook in SJABLONEN
    if not bekend_sjabloon:
        wat = "verplichte sleutel ontbreekt" if notebook is None else f"onbekend sjabloon {notebook!r}"
        meldingen.append(Melding(bestand, "notebook", f"{wat}; {keuze(str(notebook), SJABLONEN)}"))
    # With an unknown template the other keys are still checked, against the main template.
    model = SJABLONEN[notebook] if bekend_sjabloon else WoonzorganalyseParameters
    try:
        parameters = model.model_validate(waarden)
    except ValidationError as fout:
        meldingen += vertaal_fouten(fout, bestand, model)
        parameters = None
    waarden = dict(waarden)
    regio = waarden.get("regio")
    if isinstance(regio, str):
        try:
            gevonden = laad_regio(regio, basismap)
        except WoonzorgFout as fout:
            meldingen += [Melding(m.bestand or bestand, m.plek, m.tekst) for m in fout.meldingen]
        else:
            if regio.endswith((".yaml", ".yml")):
                waarden["regio"] = str(_pad_bij(regio, basismap))
            mutatiegraad = waarden.get("mutatiegraad")
            if isinstance(mutatiegraad, dict):
                indeling = gevonden.indeling()
                bekend = [*indeling["gemeentecode"], *indeling["gemeentenaam"]]
                for sleutel in mutatiegraad:
                    if sleutel not in bekend:
                        meldingen.append(Melding(bestand, f"mutatiegraad.{sleutel}",
                                                 f"'{sleutel}' is geen gemeente van {gevonden.naam}; {keuze(str(sleutel), bekend)}"))
            deelregio = waarden.get("deelregio")
            if isinstance(deelregio, str) and deelregio not in gevonden.deelregios:
                tip = keuze(deelregio, gevonden.deelregios)
                meldingen.append(Melding(bestand, "deelregio", f"'{deelregio}' is geen deelregio van {gevonden.naam}; {tip}"))
    invoer = waarden.get("invoer")
    if isinstance(invoer, str):
        if not _pad_bij(invoer, basismap).is_file():
            meldingen.append(Melding(bestand, "invoer", f"invoerbestand {_pad_bij(invoer, basismap)} bestaat niet"))
        waarden["invoer"] = str(_pad_bij(invoer, basismap))
    if meldingen or parameters is None:
        raise WoonzorgFout(meldingen)
    return model.model_validate(waarden)


def lees_parameterbestand(pad: Path) -> Parameterbestand:
    """Read and validate one parameter file.

    >>> import tempfile
    >>> pad = Path(tempfile.mkdtemp()) / "ijmond.yaml"
    >>> _ = pad.write_text("notebook: woonzorganalyse\\nregio: mra\\ndeelregio: IJmond\\n", encoding="utf-8")
    >>> bestand = lees_parameterbestand(pad)
    >>> bestand.notebook, bestand.parameters.deelregio
    ('woonzorganalyse', 'IJmond')
    """
    inhoud = lees_yaml(pad)
    notebook = inhoud.pop("notebook", None)
    parameters = valideer_parameters(notebook, inhoud, str(pad), pad.parent)
    return Parameterbestand(pad, str(notebook), parameters)


def analysegebied(parameters: Basisparameters) -> Regio:
    """The region the parameters point at, narrowed to its deelregio when one is given."""
    regio = laad_regio(parameters.regio)
    deelregio = getattr(parameters, "deelregio", None)
    return regio.deelregio(deelregio) if deelregio else regio
