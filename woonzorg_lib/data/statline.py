"""Find and download one CBS StatLine table, read by its metadata as the real tables are built.

The table is found in the catalogue by its title; its topics by their titles and units; its
dimensions by their role; the period codes become reference dates; a dimension that is not
split out is fixed at its total, chosen explicitly. A table on an older regional division
(the prognosis: ``RegioIndeling2021``) is mapped onto today's gemeenten (merged gemeenten
summed) or refused. HTTP goes through :mod:`woonzorg_lib.data.cbs_client`; every failure
is a Dutch :class:`WoonzorgFout` naming the table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import pandas as pd

from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.data import cbs_client
from woonzorg_lib.data.cbs_categorieen import categorieen_van
from woonzorg_lib.data.cbs_client import CbsOnbereikbaar
from woonzorg_lib.data.cbs_tabellen import EENHEDEN_AANTAL, EENHEDEN_PROCENT, CbsTabel
from woonzorg_lib.data.herindelingen import naar_huidige_gemeenten, voorgangers

MAX_KANDIDATEN = 3
GEDISCONTINUEERD = "Gediscontinueerd"


@dataclass(frozen=True)
class Kandidaat:
    """A table in the catalogue that may serve a spec."""

    tabel_id: str
    gediscontinueerd: bool = False


@dataclass(frozen=True)
class Gedownload:
    """One downloaded table, with what identifies its version.

    ``data`` has one row per gemeente × period (× category) with ``peildatum`` and one
    column per meetwaarde, in the model's unit. ``meldingen`` say what a reader of the
    edition must know (a discontinued table, a converted regional division).
    """

    tabel: CbsTabel
    tabel_id: str
    titel: str
    gewijzigd: str
    gedownload: str
    perioden: dict[str, str]
    data: pd.DataFrame
    ruw: dict[str, list[dict[str, Any]]]
    meldingen: tuple[str, ...] = ()

    @property
    def adres(self) -> str:
        """Where a reader finds the table on StatLine."""
        return f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{self.tabel_id}/table"


def _gelijk(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _eindjaar(rij: dict[str, Any]) -> str:
    jaren = re.findall(r"(?:19|20)\d\d", f"{rij.get('Period', '')} {rij.get('Title', '')}")
    return max(jaren) if jaren else ""


def kandidaten(tabel: CbsTabel) -> list[Kandidaat]:
    """Tables in the CBS catalogue whose title fits one of the spec's variants, best first.

    Regular tables before discontinued ones, then the newest period, then the newest
    version. A known id the catalogue does not list comes last, as a fallback.
    """
    filter_ = " or ".join("(" + " and ".join(f"substringof('{w}',Title)" for w in woorden) + ")"
                          for woorden in tabel.titels)
    lijst = cbs_client.catalogus(filter_)
    passend = [
        t for t in lijst
        if t.get("Identifier") and str(t.get("Language", "nl")) == "nl"
        and any(all(w.casefold() in str(t.get("Title", "")).casefold() for w in woorden) for woorden in tabel.titels)
    ]
    passend.sort(key=lambda t: (not str(t.get("OutputStatus", "")).startswith(GEDISCONTINUEERD), _eindjaar(t),
                                str(t.get("Modified", ""))), reverse=True)
    gevonden = list({str(t["Identifier"]).casefold(): Kandidaat(
        str(t["Identifier"]), str(t.get("OutputStatus", "")).startswith(GEDISCONTINUEERD)) for t in passend}.values())
    gevonden = gevonden[:MAX_KANDIDATEN]
    bekend = {k.tabel_id.casefold() for k in gevonden}
    return gevonden + [Kandidaat(i) for i in tabel.bekende_ids if i.casefold() not in bekend]


@dataclass(frozen=True)
class _Opzet:
    """The keys of one table: its topics by model column (with their factor), and its dimensions by role."""

    meetwaarden: dict[str, str]
    factoren: dict[str, int]
    regio: str
    indeling: int | None
    perioden: str | None
    uitsplitsing: str | None
    overige: dict[str, str]


def _onderwerp(tabel_id: str, tabel: CbsTabel, onderwerpen: list[dict[str, Any]], kolom: str) -> tuple[str, int]:
    meetwaarde = next(m for m in tabel.meetwaarden if m.kolom == kolom)
    gevonden = next((o for titel in meetwaarde.titels for o in onderwerpen if _gelijk(str(o.get("Title", "")), titel)),
                    None)
    if gevonden is None:
        raise WoonzorgFout(
            f"CBS-tabel {tabel_id}: kolom '{meetwaarde.titels[0]}' ontbreekt (nodig voor {kolom}); gevonden: "
            + ", ".join(sorted(str(o.get("Title", "")) for o in onderwerpen)[:12]))
    eenheid = " ".join(str(gevonden.get("Unit", "") or "").split())
    if meetwaarde.eenheid == "procent":
        if eenheid not in EENHEDEN_PROCENT:
            raise WoonzorgFout(f"CBS-tabel {tabel_id}: kolom '{gevonden['Title']}' heeft eenheid '{eenheid}'; "
                               "verwacht een percentage (%)")
        return str(gevonden["Key"]), 1
    if eenheid.casefold() not in EENHEDEN_AANTAL:
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: kolom '{gevonden['Title']}' heeft eenheid '{eenheid or 'geen'}'; "
                           f"verwacht een aantal ({', '.join(EENHEDEN_AANTAL)})")
    return str(gevonden["Key"]), EENHEDEN_AANTAL[eenheid.casefold()]


def _opzet(tabel_id: str, tabel: CbsTabel, eigenschappen: list[dict[str, Any]], info: list[dict[str, Any]]) -> _Opzet:
    onderwerpen = [e for e in eigenschappen if e.get("Type") == "Topic"]
    gelezen = {m.kolom: _onderwerp(tabel_id, tabel, onderwerpen, m.kolom) for m in tabel.meetwaarden}
    dimensies = {str(e["Key"]): (str(e.get("Type")), str(e.get("Title", ""))) for e in eigenschappen
                 if str(e.get("Type", "")).endswith("Dimension")}
    regio = next((k for k, (soort, _) in dimensies.items() if soort == "GeoDimension"), None)
    perioden = next((k for k, (soort, _) in dimensies.items() if soort == "TimeDimension"), None)
    if regio is None:
        raise WoonzorgFout(f"CBS-tabel {tabel_id} heeft geen regiodimensie meer")
    if perioden is None:
        _jaar_uit_titel(info, tabel_id)
    indeling = re.search(r"indeling\s*(\d{4})", f"{regio} {dimensies[regio][1]}", re.IGNORECASE)
    uitsplitsing = None
    if tabel.uitsplitsing:
        gezocht = tabel.uitsplitsing.dimensie.casefold()
        uitsplitsing = next((k for k, (soort, titel) in dimensies.items()
                             if soort == "Dimension" and gezocht in titel.casefold()), None)
        if uitsplitsing is None:
            raise WoonzorgFout(f"CBS-tabel {tabel_id}: dimensie '{tabel.uitsplitsing.dimensie}' ontbreekt")
    overige = {k: titel for k, (soort, titel) in dimensies.items() if soort == "Dimension" and k != uitsplitsing}
    return _Opzet({k: s for k, (s, _) in gelezen.items()}, {k: f for k, (_, f) in gelezen.items()}, regio,
                  int(indeling.group(1)) if indeling else None, perioden, uitsplitsing, overige)


def _jaar_uit_titel(info: list[dict[str, Any]], tabel_id: str) -> str:
    """The year of a table without a period dimension, from its title ("Kerncijfers wijken en buurten 2024")."""
    titel = str(info[0].get("Title", "")) if info else ""
    jaren = re.findall(r"\b(?:19|20)\d\d\b", titel)
    if not jaren:
        raise WoonzorgFout(f"CBS-tabel {tabel_id} heeft geen periodedimensie en geen jaar in de titel ('{titel}')")
    return jaren[-1]


def _vaste_categorie(tabel_id: str, tabel: CbsTabel, dimensie: str, titel: str, codes: list[dict[str, Any]]) -> str:
    """The category a dimension is fixed at: a named one where the spec says so, else its total."""
    gezocht = next((c for woorden, c in tabel.vast.items() if woorden.casefold() in titel.casefold()), None)
    if gezocht is not None:
        gevonden = [c for c in codes if _gelijk(str(c.get("Title", "")), gezocht)]
        if not gevonden:
            raise WoonzorgFout(f"CBS-tabel {tabel_id}: dimensie {dimensie} heeft geen categorie '{gezocht}'")
        return str(gevonden[0]["Key"]).strip()
    totalen = [c for c in codes if re.match(r"totaal\b", " ".join(str(c.get("Title", "")).split()).casefold())]
    if not totalen:
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: dimensie {dimensie} heeft geen categorie 'Totaal'")
    return str(min(totalen, key=lambda c: len(str(c.get("Title", ""))))["Key"]).strip()


def _filter(dimensie: str, sleutels: Sequence[str]) -> str:
    return "(" + " or ".join(f"{dimensie} eq '{s}'" for s in sleutels) + ")"


def _filters(tabel_id: str, vast: list[str], regio: str, codes: Sequence[str], select: list[str]) -> list[str]:
    """The TypedDataSet filters to send: the fixed part with as many gemeenten as fit in one short URL each."""
    delen: list[list[str]] = [[]]
    for code in codes:
        poging = " and ".join([*vast, _filter(regio, [*delen[-1], code])])
        if delen[-1] and not cbs_client.past(tabel_id, "TypedDataSet", poging, select):
            delen.append([])
        delen[-1].append(code)
    filters = [" and ".join([*vast, _filter(regio, deel)]) for deel in delen if deel]
    if not all(cbs_client.past(tabel_id, "TypedDataSet", f, select) for f in filters):
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: het verzoek past niet in een korte URL, ook niet per gemeente")
    return filters


def peildatum(tabel: CbsTabel, tabel_id: str, periode: str) -> str:
    """The reference date of a CBS period code under the spec: "2025JJ00" → 2025-01-01, "2023MM12" → 2023-12-31.

    >>> from woonzorg_lib.data.cbs_tabellen import TABEL
    >>> peildatum(TABEL["aandachtsgroepen"], "85980NED", "2023MM12")
    '2023-12-31'
    """
    code = periode.strip()
    if re.fullmatch(r"\d{4}", code):  # a table without a period dimension: the year of its title
        return f"{code}-01-01"
    soort = code[4:]
    if not re.fullmatch(r"\d{4}", code[:4]) or soort not in tabel.peildata:
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: periode '{code}' is van een onbekende soort; verwacht "
                           + " of ".join(f"jjjj{s}" for s in tabel.peildata))
    return f"{code[:4]}-{tabel.peildata[soort]}"


def download(tabel: CbsTabel, kandidaat: Kandidaat | str, gemeentecodes: Sequence[str]) -> Gedownload:
    """Download one table for the given gemeenten and check it against the spec."""
    kandidaat = kandidaat if isinstance(kandidaat, Kandidaat) else Kandidaat(kandidaat)
    tabel_id = kandidaat.tabel_id
    info = cbs_client.lees(tabel_id, "TableInfos")
    eigenschappen = cbs_client.lees(tabel_id, "DataProperties")
    opzet = _opzet(tabel_id, tabel, eigenschappen, info)
    ruw: dict[str, list[dict[str, Any]]] = {"TableInfos": info, "DataProperties": eigenschappen}
    for dimensie in [*opzet.overige, *([opzet.uitsplitsing] if opzet.uitsplitsing else []),
                     *([opzet.perioden] if opzet.perioden else [])]:
        ruw[dimensie] = cbs_client.lees(tabel_id, dimensie)
    vast = {d: _vaste_categorie(tabel_id, tabel, d, titel, ruw[d]) for d, titel in opzet.overige.items()}
    categorieen = (categorieen_van(tabel_id, tabel.uitsplitsing, ruw[opzet.uitsplitsing])
                   if tabel.uitsplitsing and opzet.uitsplitsing else {})
    if opzet.uitsplitsing and not categorieen:
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: dimensie {opzet.uitsplitsing} heeft geen bruikbare categorieën")
    if opzet.perioden:
        perioden = sorted(str(p["Key"]).strip() for p in ruw[opzet.perioden])
        if not perioden:
            raise WoonzorgFout(f"CBS-tabel {tabel_id} heeft geen perioden")
        titels = {str(p["Key"]).strip(): _periode(p) for p in ruw[opzet.perioden]}
    else:
        perioden = [_jaar_uit_titel(info, tabel_id)]
        titels = {perioden[0]: f"{perioden[0]} (jaar van de tabel)"}
    delen = [_filter(d, [k]) for d, k in vast.items()]
    if opzet.uitsplitsing:
        delen.append(_filter(opzet.uitsplitsing, sorted({k for ks in categorieen.values() for k in ks})))
    if opzet.perioden and tabel.perioden == "nieuwste":
        delen.append(_filter(opzet.perioden, perioden[-1:]))
    kolommen = [opzet.regio, *([opzet.perioden] if opzet.perioden else []),
                *([opzet.uitsplitsing] if opzet.uitsplitsing else []), *opzet.meetwaarden.values()]
    gevraagd = sorted(set(gemeentecodes) | voorgangers(gemeentecodes, opzet.indeling))
    filters = ([" and ".join([*delen, f"substringof('GM',{opzet.regio})"])] if tabel.alle_gemeenten
               else _filters(tabel_id, delen, opzet.regio, gevraagd, kolommen))
    ruw["TypedDataSet"] = [rij for f in filters for rij in cbs_client.lees(tabel_id, "TypedDataSet", f, kolommen)]
    data, meldingen = _normaliseer(tabel, tabel_id, opzet, categorieen, ruw["TypedDataSet"], gemeentecodes,
                                   None if opzet.perioden else perioden[0])
    return Gedownload(
        tabel, tabel_id,
        titel=str(info[0].get("Title", tabel_id)) if info else tabel_id,
        gewijzigd=str(info[0].get("Modified", "")) if info else "",
        gedownload=datetime.now().astimezone().isoformat(timespec="seconds"),
        perioden={k: titels.get(k, k) for k in sorted(set(data["periode"]))},
        data=data, ruw=ruw, meldingen=tuple(meldingen),
    )


def _periode(p: dict[str, Any]) -> str:
    status = str(p.get("Status", "") or "")
    titel = str(p.get("Title", p["Key"])).strip()
    return f"{titel} ({status.lower()})" if status and status != "Definitief" else titel


def _normaliseer(
    tabel: CbsTabel, tabel_id: str, opzet: _Opzet, categorieen: dict[str, list[str]], rijen: list[dict[str, Any]],
    gemeentecodes: Sequence[str], jaar: str | None,
) -> tuple[pd.DataFrame, list[str]]:
    """One row per gemeente × period (× category) in the model's unit (NaN where CBS shows '.'), and notices."""
    if not rijen:
        raise WoonzorgFout(f"CBS-tabel {tabel_id} gaf geen cijfers voor de gevraagde gemeenten")
    nodig = [opzet.regio, *([opzet.perioden] if opzet.perioden else []), *opzet.meetwaarden.values()]
    ontbreekt = [k for k in nodig if k not in rijen[0]]
    if ontbreekt:
        raise WoonzorgFout(f"CBS-tabel {tabel_id}: kolom {', '.join(ontbreekt)} ontbreekt in de cijfers")
    ruw = pd.DataFrame(rijen)
    data = pd.DataFrame({
        "gemeentecode": ruw[opzet.regio].astype(str).str.strip(),
        "periode": ruw[opzet.perioden].astype(str).str.strip() if opzet.perioden else jaar,
    })
    kolommen = list(opzet.meetwaarden)
    for kolom, sleutel in opzet.meetwaarden.items():
        data[kolom] = pd.to_numeric(ruw[sleutel], errors="coerce") * opzet.factoren[kolom]
    if (data[kolommen] < 0).any().any():
        raise WoonzorgFout(f"CBS-tabel {tabel_id} bevat negatieve aantallen")
    data = data[data["gemeentecode"].str.startswith("GM")]
    if opzet.uitsplitsing:
        categorie = ruw.loc[data.index, opzet.uitsplitsing].astype(str).str.strip()
        # A category can count in more than one band (the total and 85+): sum per band.
        data = pd.concat([
            data[categorie.isin(sleutels)]
            .groupby(["gemeentecode", "periode"], as_index=False)[kolommen].sum(min_count=len(sleutels))
            .assign(categorie=naam)
            for naam, sleutels in categorieen.items()
        ], ignore_index=True)
    meldingen: list[str] = []
    if opzet.indeling is not None:
        data, omgezet = naar_huidige_gemeenten(data, opzet.indeling, kolommen)
        if omgezet:
            meldingen.append(f"CBS-tabel {tabel_id} volgt de regio-indeling {opzet.indeling}; omgezet naar de huidige "
                             f"gemeenten ({omgezet})")
    ontbrekend = sorted(set(gemeentecodes) - set(data["gemeentecode"]))
    if ontbrekend:
        raise WoonzorgFout(
            f"CBS-tabel {tabel_id} heeft geen cijfers voor {', '.join(ontbrekend[:10])}"
            + (f" en {len(ontbrekend) - 10} andere" if len(ontbrekend) > 10 else "")
            + (f"; de tabel volgt de regio-indeling {opzet.indeling} en die is niet om te zetten naar de huidige "
               "gemeenten" if opzet.indeling else "; mogelijk volgt de tabel een andere gemeentelijke indeling")
        )
    data = data[data["gemeentecode"].isin(gemeentecodes)].copy()
    data.insert(2, "peildatum", data["periode"].map(lambda p: peildatum(tabel, tabel_id, p)))
    sortering = ["gemeentecode", "periode"] + (["categorie"] if "categorie" in data else [])
    return data.sort_values(sortering, ignore_index=True), meldingen


def kies_en_download(tabel: CbsTabel, gemeentecodes: Sequence[str]) -> Gedownload | None:
    """Find the current table for a spec in the catalogue and download it.

    Tries the best fitting table first. Returns None for an optional table the catalogue
    no longer has. A candidate that does not fit (a changed column) is skipped; when none
    fits the message names each and why. No connection, an HTTP error or a broken
    download stop at once.
    """
    gevonden = kandidaten(tabel)
    if not gevonden:
        if tabel.verplicht:
            raise WoonzorgFout(f"de CBS-catalogus heeft geen tabel meer voor {tabel.omschrijving.lower()}")
        return None
    redenen: list[str] = []
    for kandidaat in gevonden:
        try:
            gedownload = download(tabel, kandidaat, gemeentecodes)
        except CbsOnbereikbaar:
            raise
        except WoonzorgFout as fout:
            redenen.append(str(fout))
            continue
        if not kandidaat.gediscontinueerd:
            return gedownload
        opvolger = f" (de andere tabellen pasten niet: {'; '.join(redenen)})" if redenen else ""
        melding = (f"LET OP: CBS-tabel {kandidaat.tabel_id} is door CBS stopgezet (gediscontinueerd) en toch gebruikt, "
                   f"omdat er geen bruikbare opvolger was{opvolger}. De cijfers kunnen verouderd zijn of een oude "
                   "methode volgen.")
        return replace(gedownload, meldingen=(melding, *gedownload.meldingen))
    raise WoonzorgFout(f"geen bruikbare CBS-tabel voor {tabel.onderwerp}: " + "; ".join(redenen))


__all__ = ["CbsOnbereikbaar", "Gedownload", "Kandidaat", "download", "kandidaten", "kies_en_download", "peildatum"]
