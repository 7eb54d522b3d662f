"""The ``woonzorg`` command: a thin layer over the library, speaking Dutch.

Exit codes: 0 all right, 2 a problem the analyst can fix (printed in Dutch, no traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from rich.console import Console
from rich.table import Table
from rich.text import Text

from woonzorg_lib import __version__
from woonzorg_lib.algemeen.errors import WoonzorgFout
from woonzorg_lib.algemeen.opmaak import aantal_deelregios, aantal_gemeenten, getal, kengetal
from woonzorg_lib.analyse.parameters import lees_parameterbestand

if TYPE_CHECKING:  # the heavy modules are imported by the command that needs them

    from woonzorg_lib.data.catalogus import Regio

CONTROLE_KOLOMMEN = ("inwoners", "woningvoorraad", "corporatiewoningen")
from woonzorg_lib.runner.terminal import tabel_in_terminal, toon_analyse, toon_gemeenten


def _console() -> Console:
    """The terminal: no markup, so a name like '[/]' in a region or path is text, never a style tag."""
    return Console(markup=False, highlight=False, soft_wrap=False, width=max(Console().width, 110))


def valideer(bestanden: Sequence[Path], console: Console) -> int:
    """Check parameter files without running anything; report every problem of every file."""
    from woonzorg_lib.analyse.controle import controleer_invoer
    from woonzorg_lib.runner.batch import met_mappen, zonder_regiobestanden

    def meld(tekst: str) -> None:
        console.print(f"– {tekst}", markup=False, soft_wrap=True)

    bestanden = zonder_regiobestanden(met_mappen(bestanden), meld)
    fouten = 0
    for pad in bestanden:
        try:
            bestand = lees_parameterbestand(pad)
            controleer_invoer(bestand)
        except WoonzorgFout as fout:
            fouten += 1
            console.print(Text.assemble(("✗", "red"), f" {pad}"))
            for melding in fout.meldingen:
                # An error in the region file or the invoerformat names that file, not only the parameter file.
                waar = f"in {melding.bestand}, " if melding.bestand and melding.bestand != str(pad) else ""
                plek = f"{melding.plek}: " if melding.plek else ""
                console.print(f"    {waar}{plek}{melding.tekst}", markup=False, soft_wrap=True)
        else:
            console.print(Text.assemble(("✓", "green"), f" {pad} ({bestand.notebook})"))
    if fouten:
        console.print(f"{fouten} van {len(bestanden)} parameterbestanden bevatten fouten.")
        return 2
    console.print("Het parameterbestand is in orde." if len(bestanden) == 1
                  else f"Alle {len(bestanden)} parameterbestanden zijn in orde.")
    return 0


def toon_bronnen(console: Console) -> None:
    """The bundled tables with source and reference date, and the catalogue of regions."""
    from woonzorg_lib.analyse.uitgangspunten import standaard_invoer_voor
    from woonzorg_lib.data.basis import basisgegevens, gemeenten
    from woonzorg_lib.data.bronnen import bronnen
    from woonzorg_lib.data.catalogus import catalogus

    tabel = Table(title=f"Gebundelde gegevens (woonzorg {__version__})", show_lines=True)
    for kolom in ("tabel", "peildatum", "bron", "licentie"):
        tabel.add_column(kolom, overflow="fold")
    for bron in bronnen().values():
        tabel.add_row(bron.titel, bron.peildatum, bron.bron, bron.licentie)
    console.print(tabel)
    basis = basisgegevens()
    herkomst = basis.groupby(["indicator", "herkomst"]).size().reset_index(name="gemeenten")
    tabel = Table(title="Cijfers per gemeente en hun herkomst")
    for kolom in ("indicator", "herkomst", "gemeenten"):
        tabel.add_column(kolom)
    for rij in herkomst.itertuples():
        tabel.add_row(rij.indicator, rij.herkomst, str(rij.gemeenten))
    console.print(tabel)
    console.print("Schattingen zijn gelabeld met de bron waarvan ze zijn afgeleid; zie docs/bronnen.md.")
    tabel = Table(title="Regiocatalogus")
    for kolom in ("sleutel", "regio", "deelregio's", "gemeenten"):
        tabel.add_column(kolom)
    for sleutel, regio in catalogus().items():
        tabel.add_row(sleutel, regio.naam, str(len(regio.deelregios)), str(len(regio.gemeentecodes)))
    console.print(tabel)
    console.print(f"Gemeenten in de huidige indeling: {len(gemeenten())}.")
    toon_edities(console)
    kengetallen = standaard_invoer_voor(catalogus()["mra"])[1].reset_index()
    tabel = Table(title="Kengetallen (standaard; per regio aan te passen in het invoerformat)", show_lines=True)
    for kolom in ("kengetal", "laag", "midden", "hoog", "herkomst", "bron"):
        tabel.add_column(kolom, overflow="fold")
    for rij in kengetallen.itertuples():
        tabel.add_row(rij.omschrijving, *(kengetal(w, rij.eenheid) for w in (rij.laag, rij.midden, rij.hoog)),
                      rij.herkomst, rij.bron)
    console.print(tabel)


def toon_edities(console: Console) -> None:
    """The data editions in the user data folder, newest last, and which one an analysis uses."""
    from woonzorg_lib.data.catalogus import bekende_codes
    from woonzorg_lib.data.edities import datamap, edities

    alle = edities()
    console.print(f"Data-edities in {datamap()}", markup=False)
    if not alle:
        console.print("Nog geen edities: 'woonzorg data vernieuwen --regio mra' haalt de nieuwste CBS-cijfers op. "
                      "Tot dan rekent elke analyse met de meegeleverde gegevens (editie 'bundel').", markup=False)
        return
    tabel = Table(title="Data-edities (een analyse gebruikt de nieuwste die haar regio dekt)", show_lines=True)
    for kolom in ("editie", "gebied", "gemeenten", "CBS-tabellen", "meldingen"):
        tabel.add_column(kolom, overflow="fold")
    for editie in alle:
        tabellen = "\n".join(
            f"{t['onderwerp']}: {t['tabel_id']} ({', '.join(t['perioden'].values())}; versie {t['gewijzigd'][:10]})"
            for t in editie.tabellen)
        tabel.add_row(editie.naam, editie.beschrijving["regio"], str(len(editie.gemeentecodes)), tabellen,
                      "\n".join(editie.beschrijving.get("meldingen", [])))
    tabel.add_row("bundel", "heel Nederland", str(len(bekende_codes())), "meegeleverd (zie hierboven)", "terugvaloptie")
    console.print(tabel)


def vernieuw_data(regio: str | None, tabellen: Sequence[str] | None, console: Console) -> None:
    """Refresh from CBS StatLine into a new data edition."""
    from woonzorg_lib.data.vernieuwen import vernieuw

    editie = vernieuw(regio, tabellen, meld=lambda tekst: console.print(tekst, markup=False))
    console.print(f"Nieuwe data-editie {editie.naam} in {editie.map}", markup=False)
    console.print("Analyses van deze regio gebruiken vanaf nu deze editie; zet data_editie in een parameterbestand "
                  "om een eerdere editie (of 'bundel') vast te houden.", markup=False)


def datacontrole(regio: Regio, console: Console) -> None:
    """Gemeenten per deelregio with inwoners, woningvoorraad and corporatiewoningen, with totals."""
    from woonzorg_lib.data.basis import basisgegevens, per_gemeente
    from woonzorg_lib.data.edities import kies
    from woonzorg_lib.model.niveaus import per_niveau

    editie = kies(None, regio.gemeentecodes)
    basis = basisgegevens(editie)
    tabel_data = per_niveau(per_gemeente(basis), regio, CONTROLE_KOLOMMEN)
    tabel = Table(title=f"Datacontrole {regio.naam} (editie {editie.naam if editie else 'bundel'})")
    tabel.add_column("deelregio / gemeente")
    tabel.add_column("code")
    in_regio = basis[basis["gemeentecode"].isin(regio.gemeentecodes)]
    for kolom in CONTROLE_KOLOMMEN:
        geschat = (in_regio.loc[in_regio["indicator"] == kolom, "herkomst"] == "schatting").any()
        tabel.add_column(kolom + (" (schatting)" if geschat else ""), justify="right")
    for rij in tabel_data.itertuples():
        stijl = {"gemeente": "", "deelregio": "bold", "regio": "bold reverse"}[rij.niveau]
        naam = f"  {rij.naam}" if rij.niveau == "gemeente" else f"totaal {rij.naam}"
        waarden = [getal(getattr(rij, k)) for k in CONTROLE_KOLOMMEN]
        tabel.add_row(naam, rij.gemeentecode, *waarden, style=stijl, end_section=rij.niveau != "gemeente")
    console.print(tabel)
    in_regio = in_regio[in_regio["indicator"].isin(CONTROLE_KOLOMMEN)]
    herkomst = in_regio.groupby(["indicator", "herkomst", "peildatum", "bron"]).size()
    console.print("Herkomst:")
    for (indicator, soort, peildatum, bron), n in herkomst.items():
        gemeenten_tekst = aantal_gemeenten(n)
        console.print(f"- {indicator} ({soort}, peildatum {peildatum}, {gemeenten_tekst}): {bron}", markup=False)
    console.print(
        f"{aantal_gemeenten(len(regio.gemeentecodes))} in "
        f"{aantal_deelregios(len(regio.deelregios))}; "
        "deelregio- en regiototalen zijn exacte sommen van de gemeenten."
    )


def controleer_onthulling(map_: Path, console: Console) -> int:
    """Attack a batch's published figures; 0 when no hidden cell can be recovered, 1 when one can."""
    from woonzorg_lib.runner.onthullingscontrole import HERLEIDBAAR, controleer_batch

    if not map_.is_dir():
        raise WoonzorgFout(f"map {map_} bestaat niet; geef de uitvoermap van een batch (bijv. outputs)")
    verborgen, herleid = controleer_batch(map_)
    bestanden = len(list(map_.glob("*/kerncijfers.csv")))
    console.print(f"{bestanden} bestanden kerncijfers.csv gelezen in {map_}; {verborgen} verborgen cellen.")
    if not herleid:
        console.print("Geen enkele verborgen cel is terug te rekenen (over scenario's, jaren, bestanden en sommen).")
        return 0
    rijen = [{"bestand": h.bestand, "gemeente / gebied": h.gemeentecode or h.deelregio or "regio",
              "doelgroep": h.doelgroep, "scenario": h.scenario, "jaar": str(h.jaar), "indicator": h.indicator,
              "tussen": f"{getal(h.ondergrens, 1)} en {getal(h.bovengrens, 1)}"} for h in herleid]
    import pandas as pd

    tabel_in_terminal(console, f"{len(herleid)} verborgen cellen zijn terug te rekenen (binnen {getal(HERLEIDBAAR)})",
           pd.DataFrame(rijen[:50]))
    if len(rijen) > 50:
        console.print(f"… en nog {len(rijen) - 50}.")
    return 1


def _standaardset() -> list[Path]:
    """The parameter files of the MRA set: parameters/*.yaml in the working folder."""
    bestanden = sorted(Path("parameters").glob("*.yaml"))
    if not bestanden:
        raise WoonzorgFout("geen parameterbestanden in ./parameters; geef ze op, of start vanuit de projectmap")
    return bestanden


_ARGPARSE_NL = (
    ("the following arguments are required", "deze argumenten ontbreken"),
    ("unrecognized arguments", "onbekende argumenten"),
    ("invalid choice", "onbekende keuze"),
    ("choose from", "kies uit"),
    ("invalid int value", "geen geheel getal"),
    ("expected one argument", "verwacht één waarde"),
    ("expected at least one argument", "verwacht minstens één waarde"),
    ("ignored explicit argument", "negeert de waarde"),
    ("not allowed with argument", "niet samen met"),
)


class _NederlandseHulp(argparse.HelpFormatter):
    """argparse's help text with a Dutch heading for the usage line."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Gebruik: " if prefix is None else prefix)


class _NederlandseParser(argparse.ArgumentParser):
    """argparse that speaks Dutch: help, section titles, and mistakes in the command (exit code 2, no traceback)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **{**kwargs, "add_help": False, "formatter_class": _NederlandseHulp})
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        for engels, nederlands in _ARGPARSE_NL:
            message = message.replace(engels, nederlands)
        self.exit(2, f"Fout in de opdracht: {message}\nZie: {self.prog} --help\n")


def _parser() -> argparse.ArgumentParser:
    parser = _NederlandseParser(prog="woonzorg", description="Woonzorganalyse: gegevens, parameters en rapporten.")
    parser.add_argument("--versie", action="version", version=f"woonzorg {__version__}", help="toon de versie en stop")
    sub = parser.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT", parser_class=_NederlandseParser)
    p = sub.add_parser("valideer", help="controleer parameterbestanden zonder iets uit te voeren")
    p.add_argument("bestanden", nargs="+", type=Path, metavar="BESTAND")
    p = sub.add_parser("data", help="toon de gegevens, hun bronnen, de data-edities en de regiocatalogus")
    p.add_argument("--regio", help="toon de datacontrole voor deze regio (sleutel of pad naar regiobestand)")
    data = p.add_subparsers(dest="data_opdracht", metavar="vernieuwen | gemeenten")
    p = data.add_parser("vernieuwen", help="haal de nieuwste cijfers op bij CBS StatLine als nieuwe data-editie")
    p.add_argument("--regio", help="alleen de gemeenten van deze regio (standaard: alle gemeenten)")
    p.add_argument("--tabellen", nargs="+", metavar="TABEL",
                   help="alleen deze tabellen: bevolking, woningvoorraad, kwb, aandachtsgroepen, prognose")
    p = data.add_parser("gemeenten", help="toon de gemeenten met hun CBS-code (voor een eigen regiobestand)")
    p.add_argument("zoek", nargs="?", metavar="ZOEK", help="alleen gemeenten met dit in code, naam of provincie")
    p = sub.add_parser("invoer-sjabloon", help="schrijf het invoerformat voor de regio van een parameterbestand")
    p.add_argument("parameters", type=Path, metavar="PARAMETERS.yaml")
    p.add_argument("uit", type=Path, metavar="UIT.xlsx", help="doelbestand, .xlsx of .csv")
    p.add_argument("--overschrijven", action="store_true",
                   help="vervang een bestaand bestand (het oude blijft als kopie *.vorige-<tijd> bewaard)")
    p = sub.add_parser("analyse", help="reken de analyse door en toon de kerncijfers")
    p.add_argument("parameters", type=Path, metavar="PARAMETERS.yaml")
    p = sub.add_parser("batch", help="maak de rapporten voor een reeks parameterbestanden (standaard: parameters/*.yaml)")
    p.add_argument("parameters", type=Path, nargs="*", metavar="PARAMETERS.yaml")
    p.add_argument("--uitvoer", type=Path, default=Path("outputs"), help="uitvoermap (standaard: outputs)")
    p.add_argument("--parallel", type=_minstens_een, default=2, help="aantal rapporten tegelijk (standaard: 2)")
    p.add_argument("--opnieuw", action="store_true", help="ook ongewijzigde rapporten opnieuw maken")
    groep = p.add_mutually_exclusive_group()
    groep.add_argument("--land", action="store_true",
                       help="alle 44 centrumregio's en 12 provincies (in plaats van parameterbestanden)")
    groep.add_argument("--provincie", metavar="NAAM", help="de centrumregio's van deze provincie en haar overzicht")
    p.add_argument("--verse-kernel", action="store_true",
                   help="een nieuwe rekenkern voor elk rapport (trager; standaard hergebruikt elke werker zijn kern, schoongemaakt)")
    p = sub.add_parser("controleer-onthulling",
                       help="probeer als aanvaller verborgen cellen terug te rekenen uit alles wat een batch publiceerde")
    p.add_argument("map", type=Path, nargs="?", default=Path("outputs"), metavar="MAP",
                   help="uitvoermap van een batch (standaard: outputs)")
    p = sub.add_parser("verkenner", help="toon de verkenner als webpagina (alleen lezen, zonder code) met Voilà")
    p.add_argument("parameters", type=Path, nargs="?", metavar="PARAMETERS.yaml",
                   help="open de verkenner met dit parameterbestand (standaard: de waarden in het notebook)")
    p.add_argument("--poort", type=int, default=8866, help="poort op 127.0.0.1 (standaard: 8866)")
    p = sub.add_parser("run", help="maak het rapport voor één parameterbestand")
    p.add_argument("parameters", type=Path, metavar="PARAMETERS.yaml")
    p.add_argument("--uitvoer", type=Path, default=Path("outputs"), help="uitvoermap (standaard: outputs)")
    p.add_argument("--opnieuw", action="store_true", help="ook als er niets is gewijzigd")
    return parser


def _stop_bij_sigterm() -> None:
    """SIGTERM stops the program like Ctrl-C: no new work, every child stopped, a true index."""
    import signal

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        signal.signal(signal.SIGTERM, stop)


def _elk_teken_schrijfbaar() -> None:
    """A terminal or log file in another encoding than UTF-8 (latin-1, ASCII) shows '?' for a sign it lacks
    (✓, ✗, …, names like Súdwest-Fryslân) instead of the program stopping on a UnicodeEncodeError."""
    for stroom in (sys.stdout, sys.stderr):
        if hasattr(stroom, "reconfigure"):
            stroom.reconfigure(errors="replace")


def _minstens_een(tekst: str) -> int:
    """An argparse type: a whole number of at least 1 (``--parallel 0`` would start no worker and wait forever)."""
    try:
        getal = int(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"verwacht een geheel getal, kreeg '{tekst}'") from None
    if getal < 1:
        raise argparse.ArgumentTypeError(f"moet minstens 1 zijn, kreeg {getal}")
    return getal


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    _elk_teken_schrijfbaar()
    args = _parser().parse_args(argv)
    _stop_bij_sigterm()
    console = _console()
    try:
        if args.opdracht == "valideer":
            return valideer(args.bestanden, console)
        if args.opdracht == "invoer-sjabloon":
            from woonzorg_lib.analyse.invoerformat import schrijf_invoersjabloon

            pad = schrijf_invoersjabloon(lees_parameterbestand(args.parameters).parameters, args.uit, args.overschrijven)
            console.print(f"Invoerformat geschreven: {pad}")
            return 0
        if args.opdracht == "verkenner":
            from woonzorg_lib.runner.webapp import serveer

            if args.parameters is not None:
                lees_parameterbestand(args.parameters)  # a wrong file is told here, not in the browser
            return serveer(args.parameters, args.poort)
        if args.opdracht == "controleer-onthulling":
            return controleer_onthulling(args.map, console)
        if args.opdracht == "analyse":
            from woonzorg_lib.analyse.doorrekenen import analyseer

            toon_analyse(analyseer(lees_parameterbestand(args.parameters).parameters), console)
            return 0
        if args.opdracht in ("batch", "run"):
            from woonzorg_lib.runner.batch import batch

            if args.opdracht == "batch" and (args.land or args.provincie):
                if args.parameters:
                    raise WoonzorgFout("geef óf parameterbestanden óf --land/--provincie, niet beide")
                from woonzorg_lib.runner.landelijk import landelijke_batch

                resultaten, index, overzicht = landelijke_batch(args.uitvoer, args.provincie, args.parallel,
                                                                args.opnieuw, console, args.verse_kernel)
                console.print(f"Overzicht: {index.resolve()}\nPer provincie en regio: {overzicht.resolve()}")
                return 1 if any(r.status == "mislukt" for r in resultaten) else 0
            bestanden = [args.parameters] if args.opdracht == "run" else (args.parameters or _standaardset())
            resultaten, index = batch(bestanden, args.uitvoer, getattr(args, "parallel", 1), args.opnieuw, console,
                                      getattr(args, "verse_kernel", False))
            console.print(f"Overzicht: {index.resolve()}")
            return 1 if any(r.status == "mislukt" for r in resultaten) else 0
        if args.opdracht == "data":
            if args.data_opdracht == "vernieuwen":
                vernieuw_data(args.regio, args.tabellen, console)
            elif args.data_opdracht == "gemeenten":
                toon_gemeenten(args.zoek, console)
            elif args.regio:
                from woonzorg_lib.data.catalogus import laad_regio

                datacontrole(laad_regio(args.regio, Path.cwd()), console)
            else:
                toon_bronnen(console)
            return 0
    except WoonzorgFout as fout:
        print(f"Fout:\n{fout}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as onderbreking:
        klaar = getattr(onderbreking, "klaar", [])
        if klaar:
            print("Onderbroken. Klaar voor de onderbreking: " + ", ".join(f"{r.naam} ({r.status})" for r in klaar)
                  + ". Die staan in het overzicht; van de andere runs zijn de vorige rapporten niet aangetast.",
                  file=sys.stderr)
        else:
            print("Onderbroken. Er is geen run afgemaakt; de vorige rapporten zijn niet aangetast.", file=sys.stderr)
        return 130
    return 0  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
