"""Load the bundled base figures per gemeente, each with its provenance.

The canonical form is long: one row per gemeente × indicator with ``waarde``,
``eenheid``, ``peildatum``, ``herkomst`` (register / schatting / aanname) and ``bron``.
A data edition (a refresh from CBS) lays its registered figures over the bundled ones.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import pandas as pd

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.algemeen.paden import BUNDEL_MAP
from woonzorg_lib.data import schattingen
from woonzorg_lib.data.bronnen import bronnen
from woonzorg_lib.data.edities import BASISGEGEVENS, Editie
from woonzorg_lib.data.yaml_io import lees_yaml

HERKOMSTEN: tuple[str, ...] = ("register", "schatting", "aanname")

INDICATOREN: dict[str, str] = {
    "inwoners": "personen",
    "woningvoorraad": "woningen",
    "corporatiewoningen": "woningen",
    "inwoners_65_74": "personen",
    "inwoners_75_84": "personen",
    "inwoners_85plus": "personen",
}
_COHORT_INDICATOR = {"65-74": "inwoners_65_74", "75-84": "inwoners_75_84", "85+": "inwoners_85plus"}


def _lees_csv(naam: str) -> pd.DataFrame:
    return pd.read_csv(BUNDEL_MAP / naam, dtype={"gemeentecode": "string"}, keep_default_na=False)


@cache
def _gemeenten() -> pd.DataFrame:
    return _lees_csv("gemeenten.csv")


def gemeenten() -> pd.DataFrame:
    """All gemeenten of the current division: code, name, provincie, inwoners, peildatum.

    >>> len(gemeenten())
    342
    """
    return _gemeenten().copy()


def woningvoorraad() -> pd.DataFrame:
    """Total dwellings per gemeente (CBS 85984NED)."""
    return _lees_csv("woningvoorraad.csv")


def woningvoorraad_eigendom() -> pd.DataFrame:
    """Dwellings by owner (CBS 82900NED, 2023) for the country, the provinces and a few COROP areas.

    No longer a source of any gemeente's stock: the spread of COROP areas around their province
    is the range of an estimated stock in the sensitivity analysis.
    """
    return _lees_csv("woningvoorraad_eigendom.csv")


@cache
def _leeftijd_gemeenten() -> pd.DataFrame:
    return _lees_csv("leeftijd_gemeenten.csv")


def leeftijd_gemeenten() -> pd.DataFrame:
    """65-74 and 75+ per gemeente on each 1 January read (CBS 85383NED, register).

    >>> int(leeftijd_gemeenten().query("peildatum == '2024-01-01'")["inwoners_75plus"].sum())
    1708311
    """
    return _leeftijd_gemeenten().copy()


def geteld_75plus() -> pd.DataFrame:
    """The counted 75+ per gemeente on the newest 1 January read: gemeentecode, waarde, peildatum, bron (register)."""
    tabel = leeftijd_gemeenten()
    peildatum = str(tabel["peildatum"].max())
    nieuw = tabel[tabel["peildatum"] == peildatum]
    bron = bronnen()["leeftijd_gemeenten"]
    return pd.DataFrame({"gemeentecode": nieuw["gemeentecode"], "waarde": nieuw["inwoners_75plus"].astype("float64"),
                         "peildatum": peildatum,
                         "bron": f"inwoners van 75 jaar en ouder op {peildatum} (CBS {bron.tabel}, maatstaven "
                                 "gemeentefonds, register)"}).reset_index(drop=True)


def woningvoorraad_eigendom_gemeenten() -> pd.DataFrame:
    """Every gemeente's dwellings and corporation-owned dwellings as CBS 82900NED counts them (1-1-2024).

    >>> t = woningvoorraad_eigendom_gemeenten()
    >>> len(t), int(t["corporatiewoningen"].sum())
    (342, 2321421)
    """
    return _lees_csv("woningvoorraad_eigendom_gemeenten.csv")


def corporatiewoningen(gemeenten: pd.DataFrame) -> pd.DataFrame:
    """Corporation-owned dwellings per gemeente: its own CBS count (register), one row per gemeente.

    Returns gemeentecode, waarde, peildatum, herkomst and bron. A gemeente without a count is an
    error that names the bundled file: the bundle is built with a count for every gemeente.
    """
    bestand = "woningvoorraad_eigendom_gemeenten.csv"
    telling = woningvoorraad_eigendom_gemeenten().set_index("gemeentecode")
    zonder = sorted(set(gemeenten["gemeentecode"]) - set(telling.index))
    if zonder:
        raise WoonzorgFout(f"bundel/{bestand}: geen telling van corporatiewoningen voor {', '.join(zonder[:10])}; "
                           "verwacht één rij per gemeente (bouw de bundel opnieuw met tools/bundel_bouwen.py)")
    rijen = telling.loc[list(gemeenten["gemeentecode"])].reset_index()
    tabel = bronnen()["woningvoorraad_eigendom_gemeenten"].tabel
    return pd.DataFrame({
        "gemeentecode": rijen["gemeentecode"], "waarde": rijen["corporatiewoningen"], "peildatum": rijen["peildatum"],
        "herkomst": "register",
        "bron": f"CBS StatLine {tabel}, woningen in eigendom van een woningcorporatie op " + rijen["peildatum"]
                + ": de eigen CBS-telling van de gemeente",
    })


def corporatie_aandeel_gemeenten() -> pd.DataFrame:
    """The gemeente's own share of corporation dwellings (whole percent, CBS 85984NED), for the gemeenten read.

    No longer a source of the stock (the count is): kept as an independent check of the count.
    """
    return _lees_csv("corporatiewoningen_gemeenten.csv")


def jeugdhulp_verblijf() -> pd.DataFrame:
    """Trajectories of jeugdhulp met verblijf on one reference date per gemeente, jeugdregio and the country (CBS 85094NED).

    ``trajecten_met_verblijf`` is missing (never 0) where CBS suppressed the cell.

    >>> t = jeugdhulp_verblijf().set_index("code")
    >>> int(t.loc["NL01", "trajecten_met_verblijf"]), int(t["trajecten_met_verblijf"].isna().sum())
    (33025, 12)
    """
    tabel = _lees_csv("jeugdhulp_verblijf.csv")
    tabel["trajecten_met_verblijf"] = pd.to_numeric(tabel["trajecten_met_verblijf"].replace("", None)).astype("float64")
    return tabel


def leeftijd_nederland() -> pd.DataFrame:
    """National counts per age cohort (65-74, 75-84, 85+ and 65+)."""
    return _lees_csv("leeftijd_nederland.csv")


@cache
def _bevolking() -> pd.DataFrame:
    tabel = _lees_csv("bevolking.csv")
    for kolom in ("inwoners", "inwoners_65plus"):
        tabel[kolom] = pd.to_numeric(tabel[kolom].replace("", None)).astype("Int64")
    return tabel


def bevolking(editie: Editie | None = None) -> pd.DataFrame:
    """Inhabitants (and 65+ where CBS counted them) per gemeente on each 1 January in the bundle.

    An edition that covers every gemeente adds its own 1 January (and replaces the bundle's
    count of that date): the denominator of art. 29 is the whole country, so an edition of
    one region never mixes into it.

    >>> b = bevolking()
    >>> sorted(b["peildatum"].unique()), int(b.loc[b["peildatum"] == "2025-01-01", "inwoners_65plus"].sum())
    (['2023-01-01', '2024-01-01', '2025-01-01'], 3755679)
    """
    return (_bevolking_met(editie) if editie else _bevolking()).copy()


@cache
def _bevolking_met(editie: Editie) -> pd.DataFrame:
    bundel = _bevolking()
    eigen = editie.lees(BASISGEGEVENS)
    if eigen is None or not editie.dekt(bundel["gemeentecode"]):
        return bundel
    breed = eigen.pivot_table(index=["gemeentecode", "peildatum"], columns="indicator", values="waarde",
                              aggfunc="first").reset_index()
    if "inwoners" not in breed:
        return bundel
    cohorten = [k for k in _COHORT_INDICATOR.values() if k in breed]
    plus65 = (breed[cohorten].sum(axis=1, min_count=len(_COHORT_INDICATOR)) if len(cohorten) == len(_COHORT_INDICATOR)
              else pd.Series(pd.NA, index=breed.index))
    nieuw = pd.DataFrame({"gemeentecode": breed["gemeentecode"].astype("string"), "peildatum": breed["peildatum"],
                          "inwoners": breed["inwoners"].astype("Int64"), "inwoners_65plus": plus65.astype("Int64")})
    gebleven = bundel[~bundel["peildatum"].isin(set(nieuw["peildatum"]))]
    return pd.concat([gebleven, nieuw], ignore_index=True).sort_values(["gemeentecode", "peildatum"], ignore_index=True)


def taakstelling_landelijk() -> pd.DataFrame:
    """The published national half-year totals of the taakstelling vergunninghouders, with their source."""
    return _lees_csv("taakstelling_landelijk.csv")


def verhuringen() -> pd.DataFrame:
    """Real social-rent lettings per gemeente and year, where they are known (register)."""
    return _lees_csv("verhuringen.csv")


@cache
def _basisgegevens() -> pd.DataFrame:
    bron = bronnen()
    gem = gemeenten()
    voorraad = woningvoorraad()
    delen = [
        gem.assign(indicator="inwoners", waarde=gem["inwoners"], herkomst="register", bron=bron["gemeenten"].bron),
        voorraad.assign(
            indicator="woningvoorraad",
            waarde=voorraad["woningvoorraad"],
            herkomst="register",
            bron=bron["woningvoorraad"].bron,
        ),
        corporatiewoningen(gem).assign(indicator="corporatiewoningen"),
    ]
    leeftijd = schattingen.leeftijdsgroepen(bevolking(), leeftijd_nederland(), leeftijd_gemeenten(),
                                            f"CBS {bron['leeftijd_gemeenten'].tabel}")
    delen.append(leeftijd.assign(indicator=leeftijd["leeftijdsgroep"].map(_COHORT_INDICATOR)))
    kolommen = ["gemeentecode", "indicator", "waarde", "peildatum", "herkomst", "bron"]
    lang = pd.concat([d[kolommen] for d in delen], ignore_index=True)
    lang["waarde"] = lang["waarde"].astype("int64")
    lang.insert(3, "eenheid", lang["indicator"].map(INDICATOREN))
    return lang.sort_values(["gemeentecode", "indicator"], ignore_index=True)


@cache
def _met_editie(editie: Editie) -> pd.DataFrame:
    eigen = editie.lees(BASISGEGEVENS)
    bundel = _basisgegevens()
    if eigen is None:
        return bundel
    sleutel = ["gemeentecode", "indicator"]
    try:
        eigen = eigen[list(bundel.columns)].astype(bundel.dtypes.to_dict())
    except (ValueError, TypeError):
        raise WoonzorgFout(f"data-editie {editie.naam}: {BASISGEGEVENS} heeft waarden die geen getal zijn; verwijder de "
                           "editie of zet data_editie: bundel") from None
    vervangen = bundel.set_index(sleutel).index.isin(eigen.set_index(sleutel).index)
    lang = pd.concat([bundel[~vervangen], eigen], ignore_index=True)
    return lang.sort_values(sleutel, ignore_index=True)


def basisgegevens(editie: Editie | None = None) -> pd.DataFrame:
    """Every base figure per gemeente in long form, with unit, reference date and provenance.

    Without an edition: the bundled data. With one: its registered figures replace the
    bundled figures and estimates of the same gemeente and indicator.

    >>> b = basisgegevens()
    >>> b.loc[(b.gemeentecode == "GM0363") & (b.indicator == "inwoners"), "waarde"].item()
    931298
    """
    return (_met_editie(editie) if editie else _basisgegevens()).copy()


def per_gemeente(lang: pd.DataFrame) -> pd.DataFrame:
    """Pivot long base figures to one row per gemeente and one column per indicator."""
    return lang.pivot(index="gemeentecode", columns="indicator", values="waarde").rename_axis(columns=None)


@cache
def _landelijk() -> dict[str, Any]:
    return lees_yaml(BUNDEL_MAP / "kengetallen_landelijk.yaml")


def landelijke_kengetallen() -> dict[str, Any]:
    """National counts behind the default estimates (taakstelling, dakloosheid, jeugdzorg, detentie)."""
    return copy.deepcopy(_landelijk())
