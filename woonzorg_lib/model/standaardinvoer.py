"""Default estimates for the invoerformat, derived from national figures and the base data.

Pure functions: the caller passes the base figures of *all* gemeenten (national sums are
needed) and the national kengetallen; the result is one row per gemeente × onderwerp
with ``waarde``, ``herkomst``, ``bron`` and ``peildatum``. Every value is a labelled
``schatting`` unless it is a published count for that gemeente.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from woonzorg_lib.algemeen.opmaak import getal
from woonzorg_lib.model.regioverdeling import binnen_regio

KOLOMMEN = ["gemeentecode", "onderwerp", "waarde", "herkomst", "bron", "peildatum"]
#: The words that mark the national homelessness estimate spread by inhabitants (the fallback CBS advises against).
LANDELIJKE_DAKLOOSHEID = "noodoplossing zonder regionale telling:"


def _rijen(onderwerp: str, waarden: pd.Series, herkomst: str, bron: str, peildatum: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "gemeentecode": waarden.index,
            "onderwerp": onderwerp,
            "waarde": waarden.to_numpy(dtype="float64"),
            "herkomst": herkomst,
            "bron": bron,
            "peildatum": peildatum,
        }
    )


def _datum(peildatum: str) -> str:
    jaar, maand, dag = peildatum.split("-")
    maanden = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
               "november", "december")
    return f"{int(dag)} {maanden[int(maand) - 1]} {jaar}"


def jeugdzorg_uitstroom(inwoners: pd.Series, kengetal: Mapping[str, Any], jeugdhulp: pd.DataFrame) -> pd.DataFrame:
    """The yearly outflow at 18 per gemeente: its trajectories of jeugdhulp met verblijf × national outflow ÷ national count.

    ``jeugdhulp`` is CBS 85094NED as bundled (gemeente, jeugdregio and land rows). A suppressed gemeente
    gets its share of what its jeugdregio's total leaves (by inhabitants, within the jeugdregio); where
    nothing is left or no count exists, the national outflow pro rata inhabitants, saying why.
    """
    nl = jeugdhulp[jeugdhulp["gebiedstype"] == "land"].iloc[0]
    rijen = jeugdhulp[jeugdhulp["gebiedstype"] == "gemeente"].set_index("code").reindex(inwoners.index)
    regios = jeugdhulp[jeugdhulp["gebiedstype"] == "jeugdregio"].set_index("code")
    verdeeld = binnen_regio(rijen["trajecten_met_verblijf"], rijen["jeugdregio_code"],
                            regios["trajecten_met_verblijf"], inwoners)
    factor = kengetal["waarde"] / nl["trajecten_met_verblijf"]
    datum = _datum(str(nl["peildatum"]))
    omrekening = (f"× {getal(kengetal['waarde'])} jongeren per jaar die op 18 jaar de jeugdzorg verlaten ÷ "
                  f"{getal(nl['trajecten_met_verblijf'])} trajecten met verblijf in Nederland (zelfde tabel; "
                  f"landelijk aantal: {kengetal['bron']})")
    delen = []
    eigen = verdeeld[verdeeld["wijze"] == "eigen"]
    deel = _rijen("jeugdzorg_uitstroom", (eigen["waarde"] * factor).round(1), "schatting", "", str(nl["peildatum"]))
    deel["bron"] = [f"schatting: {getal(t)} trajecten jeugdhulp met verblijf in de gemeente op {datum} (CBS 85094NED, "
                    f"geteld bij de gemeente die voor de jeugdhulp verantwoordelijk is) {omrekening}" for t in eigen["waarde"]]
    delen.append(deel)
    regio = verdeeld[verdeeld["wijze"] == "regio"]
    deel = _rijen("jeugdzorg_uitstroom", (regio["waarde"] * factor).round(1), "schatting", "", str(nl["peildatum"]))
    deel["bron"] = [
        f"schatting: CBS-cel afgeschermd (klein aantal); het deel van jeugdregio "
        f"{regios.loc[r.regio, 'naam']} ({getal(r.regio_totaal)} trajecten jeugdhulp met verblijf op {datum} min "
        f"{getal(r.som_gepubliceerd)} in de gepubliceerde gemeenten = {getal(r.rest)}, CBS 85094NED) naar rato van de "
        f"inwoners van de afgeschermde gemeenten {omrekening}" for r in regio.itertuples()]
    delen.append(deel)
    geen = verdeeld[verdeeld["wijze"] == "geen"]
    waarom = ["CBS-cel afgeschermd en de jeugdregio laat na afronding niets over" if pd.notna(r.regio_totaal)
              else "geen cijfer in CBS 85094NED" for r in geen.itertuples()]
    deel = _rijen("jeugdzorg_uitstroom", (inwoners[geen.index] * kengetal["waarde"] / inwoners.sum()).round(1),
                  kengetal["herkomst"], "", kengetal["peildatum"])
    deel["bron"] = [f"schatting: landelijk aantal {getal(kengetal['waarde'])} naar rato van de inwoners; geen lokaal "
                    f"cijfer: {w} ({kengetal['bron']})" for w in waarom]
    delen.append(deel)
    return pd.concat(delen, ignore_index=True)


def standaard_invoer(
    per_gemeente: pd.DataFrame, herkomst_basis: pd.DataFrame, landelijk: Mapping[str, Any], verhuringen: pd.DataFrame,
    geteld_75plus: pd.DataFrame | None = None, jeugdhulp: pd.DataFrame | None = None,
    centrumregios: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Default values for every gemeente of ``per_gemeente`` (wide base figures, all of the Netherlands).

    ``herkomst_basis`` is the long base table (for the provenance of base figures);
    ``landelijk`` the national kengetallen of ``kengetallen_landelijk.yaml``; ``verhuringen``
    the real lettings per gemeente and year (the newest year is used, tier register).
    ``geteld_75plus`` (gemeentecode, waarde, peildatum, bron) is the counted 75+ per gemeente:
    where 75-84 + 85+ of the same date add up to it, the 75+ is that count (register).
    ``jeugdhulp`` (CBS 85094NED as bundled) turns the national jeugdzorg outflow into one per gemeente by
    its own count of jeugdhulp met verblijf; without it the outflow is the national figure pro rata.
    ``centrumregios`` (gemeentecode, centrumregio_code, centrumgemeente): with it, the gemeenten of a
    centrumregio with a homelessness count of its own share that count by inhabitants (within the region).
    The taakstelling vergunninghouders is not here: it differs per half-year and is
    computed for the years of an analysis (``model.statushouders``).
    """
    inwoners = per_gemeente["inwoners"]
    nederland = int(inwoners.sum())
    delen: list[pd.DataFrame] = []
    pro_rata = [("dakloze_personen", "dakloze_personen", LANDELIJKE_DAKLOOSHEID, "")]
    if jeugdhulp is None:
        pro_rata.append(("jeugdzorg_uitstroom", "jeugdzorg_uitstroom", "landelijk aantal", ""))
    else:
        delen.append(jeugdzorg_uitstroom(inwoners, landelijk["jeugdzorg_uitstroom"], jeugdhulp))
    for onderwerp, sleutel, wat, let_op in (
        *pro_rata,
        ("bw_clienten", "beschermd_wonen_clienten", "landelijk aantal bewoners beschermd wonen",
         "; de bewoners wonen vooral in en rond de centrumgemeenten: vervang door het eigen cliëntenaantal"),
    ):
        kengetal = landelijk[sleutel]
        delen.append(
            _rijen(
                onderwerp,
                (inwoners * kengetal["waarde"] / nederland).round(1),
                kengetal["herkomst"],
                f"schatting: {wat} {getal(kengetal['waarde'])} naar rato van de inwoners{let_op} ({kengetal['bron']})",
                kengetal["peildatum"],
            )
        )

    if centrumregios is not None:
        delen.append(_dakloosheid_per_centrumregio(inwoners, centrumregios, landelijk["dakloze_personen_centrumregios"]))

    nieuwste = verhuringen.sort_values("jaar").groupby("gemeentecode").tail(1).set_index("gemeentecode")
    nieuwste = nieuwste[nieuwste.index.isin(inwoners.index)]
    werkelijk = _rijen("verhuringen", nieuwste["verhuringen"].astype("float64"), "register", "", "")
    werkelijk["bron"] = nieuwste["bron"].to_numpy()
    werkelijk["peildatum"] = nieuwste["jaar"].astype(str).to_numpy()
    delen.append(werkelijk)

    detentie, bekend = landelijk["detentie_uitstroom"], landelijk["detentie_uitstroom_gemeenten"]
    eigen = pd.Series(bekend["waarden"], dtype="float64")
    eigen = eigen[eigen.index.isin(inwoners.index)]
    overig = inwoners.drop(eigen.index)
    rest = (detentie["waarde"] - eigen.sum()) * overig / overig.sum()
    delen.append(_rijen("detentie_uitstroom", eigen, bekend["herkomst"], bekend["bron"], bekend["peildatum"]))
    delen.append(
        _rijen(
            "detentie_uitstroom",
            rest.round(1),
            detentie["herkomst"],
            f"schatting: landelijke uitstroom {getal(detentie['waarde'])} ({detentie['bron']}) min de gemeenten met "
            "een eigen telling, naar rato van de inwoners",
            detentie["peildatum"],
        )
    )

    basis = herkomst_basis.set_index(["indicator", "gemeentecode"])
    for onderwerp, indicatoren in (
        ("inwoners_75plus", ["inwoners_75_84", "inwoners_85plus"]),
        ("corporatiewoningen", ["corporatiewoningen"]),
    ):
        waarden = per_gemeente[indicatoren].sum(axis=1)
        herkomst = basis.loc[indicatoren[0]].reindex(waarden.index)
        bron = herkomst["bron"] if len(indicatoren) == 1 else "som van 75-84 en 85+; " + herkomst["bron"]
        deel = _rijen(onderwerp, waarden, "", "", "")
        deel["herkomst"] = herkomst["herkomst"].to_numpy()
        deel["bron"] = bron.to_numpy()
        deel["peildatum"] = herkomst["peildatum"].to_numpy()
        if onderwerp == "inwoners_75plus" and geteld_75plus is not None:
            geteld = geteld_75plus.set_index("gemeentecode").reindex(deel["gemeentecode"])
            zelfde = ((geteld["waarde"].to_numpy() == deel["waarde"].to_numpy())
                      & (geteld["peildatum"].to_numpy() == deel["peildatum"].to_numpy()))
            deel.loc[zelfde, "herkomst"] = "register"
            deel.loc[zelfde, "bron"] = geteld["bron"].to_numpy()[zelfde]
        delen.append(deel)
    uit = pd.concat(delen, ignore_index=True)[KOLOMMEN]
    # A regional count replaces the national fallback of the same gemeente (it comes later in ``delen``).
    uit = uit.drop_duplicates(["gemeentecode", "onderwerp"], keep="last")
    return uit.sort_values(["gemeentecode", "onderwerp"], ignore_index=True)


def _dakloosheid_per_centrumregio(
    inwoners: pd.Series, centrumregios: pd.DataFrame, tellingen: Mapping[str, Any]
) -> pd.DataFrame:
    """The homelessness count of each centrumregio that has one, spread over its gemeenten by inhabitants."""
    indeling = centrumregios[centrumregios["centrumregio_code"].isin(tellingen["waarden"])
                             & centrumregios["gemeentecode"].isin(inwoners.index)]
    delen = []
    for code, leden in indeling.groupby("centrumregio_code"):
        totaal = tellingen["waarden"][code]
        eigen = inwoners[leden["gemeentecode"]]
        naam = leden["centrumgemeente"].iloc[0]
        delen.append(_rijen(
            "dakloze_personen", (eigen * totaal / eigen.sum()).round(1), tellingen["herkomst"],
            f"schatting: {getal(totaal)} geregistreerde dakloze personen in de opvang van centrumregio {naam} "
            f"({tellingen['bron']}), verdeeld binnen de centrumregio {naam} over haar {len(eigen)} gemeenten "
            "naar hun inwoners",
            str(tellingen["peildatum"])))
    return pd.concat(delen, ignore_index=True) if delen else pd.DataFrame(columns=KOLOMMEN)
