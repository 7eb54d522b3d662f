"""The batch: validate every parameter file first, then run the notebooks in parallel processes.

One failing region never stops the others; unchanged runs are skipped; the result is an
index of every run and an exit code that says whether anything failed.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from woonzorg_lib.algemeen.errors import Melding, WoonzorgFout
from woonzorg_lib.algemeen.opmaak import aantal, getal
from woonzorg_lib.algemeen.paden import NOTEBOOK_MAP
from woonzorg_lib.analyse.parameters import Basisparameters, analysegebied, lees_parameterbestand
from woonzorg_lib.data.catalogus import laad_regio
from woonzorg_lib.rapport.pdf import ZONDER_HARFBUZZ_SUBSET, harfbuzz_subset
from woonzorg_lib.runner.index import schrijf_index
from woonzorg_lib.runner.uitvoeren import BESTANDEN, MANIFEST, Resultaat, Taak, schrijffout, voer_uit, werker_start
from woonzorg_lib.runner.vingerafdruk import vingerafdruk


def _editie(parameters: Basisparameters) -> str:
    """The name of the data edition a run uses ('bundel' for the bundled data)."""
    from woonzorg_lib.data.edities import BUNDEL, kies

    try:
        editie = kies(parameters.data_editie, analysegebied(parameters).gemeentecodes)
    except WoonzorgFout as fout:  # the edition is the key's problem: say which key
        raise WoonzorgFout([Melding(m.bestand, m.plek or "data_editie", m.tekst) for m in fout.meldingen]) from None
    return editie.naam if editie else BUNDEL


GERESERVEERD = ("index.html", "toegankelijkheid.html", ".logboek")
MAX_NAAM = 120  # bytes: a file system allows 255 per name, and the run's temporary folder adds a prefix and suffix
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "œ": "oe", "Œ": "oe", "ł": "l",
                          "Ł": "l", "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ı": "i"})


def uitvoernaam(naam: str) -> str:
    """The output folder of a parameter file: its name in plain lower-case letters, digits, '-', '_' and '.'.

    Accents are dropped and every other run of signs or spaces becomes one '-': the folder opens on every
    system, in a zip and as a link. An empty result means the name has no letter or digit to keep.

    >>> uitvoernaam("Súdwest-Fryslân"), uitvoernaam("mijn regio"), uitvoernaam("zuid-kennemerland")
    ('sudwest-fryslan', 'mijn-regio', 'zuid-kennemerland')
    """
    ontleed = unicodedata.normalize("NFKD", naam.translate(_LETTERS))
    ascii_ = ontleed.encode("ascii", "ignore").decode().lower()
    veilig = re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9._-]+", "-", ascii_))
    veilig = re.sub(r"^[^a-z0-9]+", "", veilig)[:MAX_NAAM]
    return veilig.rstrip("-.")


def uitvoernaam_fout(naam: str) -> str | None:
    """Why a parameter file's name gives no output folder, or None when it does.

    The folder is ``<uitvoer>/<uitvoernaam>``: it must hold a letter or digit and not take the
    place of the index or the log.

    >>> uitvoernaam_fout("Súdwest-Fryslân") is None, uitvoernaam_fout("..") is not None
    (True, True)
    """
    map_ = uitvoernaam(naam)
    if not map_:
        return (f"de bestandsnaam '{naam}' wordt de naam van de uitvoermap, maar heeft geen letter of cijfer (a–z, 0–9) "
                "om te gebruiken; kies een bestandsnaam met letters of cijfers")
    if map_ in GERESERVEERD:
        return f"de naam '{naam}' is gereserveerd voor het overzicht van de batch; kies een andere bestandsnaam"
    return None


def zonder_regiobestanden(bestanden: Sequence[Path], meld: Callable[[str], None]) -> list[Path]:
    """The parameter files among the files given; a region file beside them (as in parameters/voorbeelden) is noted."""
    from woonzorg_lib.data.catalogus import is_regiobestand

    over = []
    for pad in bestanden:
        if is_regiobestand(pad):
            meld(f"Overgeslagen: {pad} is een regiobestand, geen parameterbestand.")
        else:
            over.append(pad)
    return over


def plan(bestanden: Sequence[Path], uitvoer: Path, meld: Callable[[str], None] = lambda _: None,
         een_regio: bool = True) -> list[Taak]:
    """Validate all parameter files before any kernel starts; every problem of every file at once.

    ``een_regio=False`` is the national run: its folder holds many regions, each a run of its own, ordered by
    landelijk.html (see runner/landelijk.py).
    """
    bestanden = zonder_regiobestanden(met_mappen(bestanden), meld)
    if not bestanden:
        raise WoonzorgFout("geen parameterbestanden opgegeven")
    taken, meldingen, namen = [], [], {}
    regios: dict[str, str] = {}  # parameter file → the name of its whole region
    for pad in bestanden:
        try:
            bestand = lees_parameterbestand(pad)
            editie = _editie(bestand.parameters)
            from woonzorg_lib.analyse.controle import controleer_invoer  # checked now, not halfway through the batch

            controleer_invoer(bestand)
            regios[str(pad)] = laad_regio(bestand.parameters.regio).naam
        except WoonzorgFout as fout:  # a message of no file of its own belongs to this parameter file
            meldingen += [m if m.bestand else Melding(str(pad), m.plek, m.tekst) for m in fout.meldingen]
            continue
        fout_in_naam = uitvoernaam_fout(pad.stem)
        if fout_in_naam:
            meldingen.append(Melding(str(pad), "", fout_in_naam))
            continue
        naam = uitvoernaam(pad.stem)
        if naam in namen:
            meldingen.append(Melding(str(pad), "", f"krijgt dezelfde uitvoermap '{naam}' als {namen[naam]}: de uitvoer "
                                                   "zou elkaar overschrijven; geef een van beide een andere naam"))
            continue
        namen[naam] = str(pad)
        if naam != pad.stem:
            meld(f"{pad}: uitvoermap {uitvoer / naam}")
        notebook = NOTEBOOK_MAP / f"{bestand.notebook}.ipynb"
        # The edition is fixed now, by name: the fingerprint changes when a newer edition arrives,
        # and the report says which edition it used.
        parameters = {**bestand.parameters.model_dump(), "data_editie": editie}
        taken.append(Taak(naam, str(pad), str(notebook), bestand.notebook, parameters,
                          vingerafdruk(notebook, parameters), str(uitvoer), regios[str(pad)]))
    if een_regio:
        meldingen += _een_regio(regios, uitvoer, set(namen))
    if meldingen:
        raise WoonzorgFout(meldingen)
    return taken


def met_mappen(bestanden: Sequence[Path]) -> list[Path]:
    """The files given, a folder (an own region's: ``woonzorg batch parameters/mijn-regio``) as its YAML files."""
    return [p for b in bestanden for p in (sorted([*b.glob("*.yaml"), *b.glob("*.yml")]) if b.is_dir() else [b])]


def _een_regio(regios: dict[str, str], uitvoer: Path, namen: set[str]) -> list[Melding]:
    """One output folder, and so one index, holds the reports of one region: the fair share is one distribution per
    region, and an own region's report would otherwise be counted among the MRA's ("9 rapporten")."""
    if not regios:
        return []
    eerste, regio = next(iter(regios.items()))
    def tip(pad: str, andere: str) -> str:
        naam = uitvoernaam(andere)
        if Path(pad).parent != Path(eerste).parent:
            return f"bijvoorbeeld: woonzorg batch {Path(pad).parent} --uitvoer outputs/{naam}"
        map_ = Path(pad).parent / naam  # beside the other region's files: it needs a folder of its own
        return f"bijvoorbeeld: verplaats het naar {map_}/ en draai woonzorg batch {map_} --uitvoer outputs/{naam}"

    meldingen = [Melding(pad, "", (
        f"rekent voor de regio {andere}, {eerste} voor {regio}: één uitvoermap (en één overzicht) hoort bij één regio. "
        "Zet een eigen regio in een eigen map en draai die apart, " + tip(pad, andere)))
        for pad, andere in regios.items() if andere != regio]
    if meldingen or not uitvoer.is_dir():
        return meldingen
    eerder: dict[str, list[str]] = {}
    for manifest in sorted(uitvoer.glob(f"*/{MANIFEST}")):
        try:
            vorige = json.loads(manifest.read_text(encoding="utf-8")).get("regio")
        except (OSError, UnicodeDecodeError, ValueError, AttributeError):
            continue  # a damaged record: the index says so
        if isinstance(vorige, str) and vorige != regio and manifest.parent.name not in namen:
            eerder.setdefault(vorige, []).append(manifest.parent.name)
    return [Melding(eerste, "", (
        f"rekent voor de regio {regio}, maar {uitvoer} bevat rapporten van {andere} ({', '.join(mappen[:5])}): één "
        "uitvoermap (en één overzicht) hoort bij één regio; kies een eigen map, bijvoorbeeld --uitvoer "
        f"outputs/{uitvoernaam(regio)}")) for andere, mappen in eerder.items()]


def actueel(taak: Taak) -> bool:
    """True when the outputs of a previous run exist and nothing it depends on changed."""
    map_ = Path(taak.uitvoer) / taak.naam
    manifest = map_ / MANIFEST
    if not manifest.is_file() or not all((map_ / b).is_file() for b in BESTANDEN):
        return False
    try:
        vorig = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False  # a damaged record: run again
    return (isinstance(vorig, dict) and vorig.get("vingerafdruk") == taak.vingerafdruk
            and not (map_ / "mislukt.json").is_file())


def draai(
    taken: Sequence[Taak], parallel: int = 2, opnieuw: bool = False, console: Console | None = None,
    verse_kernel: bool = False, resultaten: list[Resultaat] | None = None,
) -> list[Resultaat]:
    """Run the tasks (skipping unchanged ones unless ``opnieuw``), with a progress bar; return every result.

    ``resultaten`` (if given) is filled as runs finish, so a caller still knows them when the batch is stopped.
    """
    console = console or Console(markup=False)
    resultaten = [] if resultaten is None else resultaten
    te_doen = [t for t in taken if opnieuw or not actueel(t)]
    for taak in taken:
        if taak not in te_doen:
            resultaten.append(Resultaat(taak.naam, taak.sjabloon, "overgeslagen"))
    if te_doen:
        if not harfbuzz_subset():
            console.print(ZONDER_HARFBUZZ_SUBSET, markup=False, soft_wrap=True)
        kolommen = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*kolommen, console=console, transient=False) as voortgang:
            balk = voortgang.add_task("bezig", total=len(te_doen))

            def klaar(resultaat: Resultaat) -> None:
                resultaten.append(resultaat)
                gedaan = [r for r in resultaten if r.status != "overgeslagen"]
                mislukt = sum(r.status == "mislukt" for r in gedaan)
                voortgang.update(balk, advance=1, description=(
                    f"klaar {len(gedaan) - mislukt} · bezig {len(te_doen) - len(gedaan)} · mislukt {mislukt}"))

            wachtrij = list(te_doen)
            while wachtrij:
                verdacht = _draai_pool(wachtrij, parallel, verse_kernel, klaar)
                # A worker died and took the pool with it: which run did it? Each one that was under way runs
                # again on its own, so only the run that kills its worker fails; the rest of the queue goes on.
                for taak in verdacht:
                    if _draai_pool([taak], 1, verse_kernel, klaar):
                        klaar(Resultaat(taak.naam, taak.sjabloon, "mislukt", melding=(
                            "De werker van deze run stopte onverwacht, twee keer (te weinig geheugen of een crash); "
                            "de andere runs gingen door.")))
    volgorde = {t.naam: i for i, t in enumerate(taken)}
    return sorted(resultaten, key=lambda r: volgorde[r.naam])


def _draai_pool(
    wachtrij: list[Taak], parallel: int, verse_kernel: bool, klaar: Callable[[Resultaat], None]
) -> list[Taak]:
    """Run the queue (taking from it) in one pool of workers, at most ``parallel`` at a time.

    Returns the runs that were under way when a worker died (the pool is then broken); the
    queue keeps the runs that had not started.
    """
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=max(1, min(parallel, len(wachtrij))), mp_context=context,
                               initializer=werker_start)
    try:
        lopend: dict[Future[Resultaat], Taak] = {}
        while wachtrij or lopend:
            while wachtrij and len(lopend) < parallel:
                taak = wachtrij.pop(0)
                lopend[pool.submit(voer_uit, taak, verse_kernel)] = taak
            gereed, _ = wait(lopend, return_when=FIRST_COMPLETED)
            for toekomst in gereed:
                taak = lopend.pop(toekomst)
                try:
                    klaar(toekomst.result())
                except BrokenProcessPool:
                    return [taak, *lopend.values()]
                except Exception as fout:  # noqa: BLE001 - whatever a run raises, it fails that run only
                    uitleg = schrijffout(fout, "het vorige rapport") if isinstance(fout, OSError) else None
                    klaar(Resultaat(taak.naam, taak.sjabloon, "mislukt",
                                    melding=uitleg or f"De run stopte onverwacht: {fout.__class__.__name__}: {fout}"))
    except BaseException:  # Ctrl-C or SIGTERM: no new run starts, and every worker (with its kernel) stops now
        werkers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for werker in werkers:
            werker.terminate()
        for werker in werkers:  # each stops its run like a failure: kernel stopped, temporary folder removed
            werker.join(timeout=20)
            if werker.is_alive():
                werker.kill()
        raise
    pool.shutdown(wait=True)
    return []


def samenvattingstabel(resultaten: Sequence[Resultaat], index: Path) -> Table:
    """The summary at the end of a batch."""
    tabel = Table(title=Text(f"Batch: {aantal(len(resultaten), 'rapport', 'rapporten')} — {index}"))
    for kolom in ("rapport", "sjabloon", "status", "duur", "melding"):
        tabel.add_column(kolom, overflow="fold")
    kleur = {"geslaagd": "green", "overgeslagen": "dim", "mislukt": "red"}
    for r in resultaten:
        tabel.add_row(Text(r.naam), Text(r.sjabloon), Text(r.status, style=kleur[r.status]),
                      f"{getal(r.duur, 1)} s" if r.duur else "", Text(r.melding))
    return tabel


def _maak_uitvoermap(uitvoer: Path) -> None:
    """The output folder exists and can be written to, or a Dutch message says what is wrong with it."""
    if uitvoer.exists() and not uitvoer.is_dir():
        raise WoonzorgFout(f"uitvoermap {uitvoer} is een bestand, geen map; kies met --uitvoer een map")
    try:
        uitvoer.mkdir(parents=True, exist_ok=True)
    except OSError as fout:
        raise WoonzorgFout(f"uitvoermap {uitvoer} kan niet worden gemaakt ({fout.strerror})") from None
    if not os.access(uitvoer, os.W_OK | os.X_OK):
        raise WoonzorgFout(f"in de uitvoermap {uitvoer} mag niet worden geschreven (rechten); kies met --uitvoer een "
                           "andere map")


class Onderbroken(KeyboardInterrupt):
    """The batch was stopped (Ctrl-C or SIGTERM); ``klaar`` holds the runs that finished before."""

    def __init__(self, klaar: list[Resultaat]) -> None:
        super().__init__()
        self.klaar = klaar


def batch(bestanden: Sequence[Path], uitvoer: Path, parallel: int = 2, opnieuw: bool = False,
          console: Console | None = None, verse_kernel: bool = False,
          een_regio: bool = True) -> tuple[list[Resultaat], Path]:
    """Plan, run and index; return the results and the path of index.html.

    Stopped halfway (Ctrl-C, SIGTERM), it still writes a true index of what finished and
    raises ``Onderbroken`` with those runs.
    """
    if parallel < 1:
        raise WoonzorgFout(f"parallel moet minstens 1 zijn, kreeg {parallel}")
    console = console or Console(markup=False)
    taken = plan(bestanden, uitvoer.resolve(), lambda tekst: console.print(tekst, markup=False, soft_wrap=True),
                 een_regio)
    _maak_uitvoermap(uitvoer)
    klaar: list[Resultaat] = []
    try:
        resultaten = draai(taken, parallel, opnieuw, console, verse_kernel, klaar)
    except KeyboardInterrupt:
        schrijf_index(uitvoer, {r.naam: (r.status, r.duur) for r in klaar if r.status != "overgeslagen"})
        raise Onderbroken([r for r in klaar if r.status != "overgeslagen"]) from None
    try:
        index = schrijf_index(uitvoer, {r.naam: (r.status, r.duur if r.status != "overgeslagen" else None)
                                        for r in resultaten})
    except OSError as fout:
        uitleg = schrijffout(fout, "het vorige overzicht") or f"{fout.__class__.__name__}: {fout}"
        raise WoonzorgFout(f"het overzicht {uitvoer / 'index.html'} kon niet worden bijgewerkt. {uitleg} Runs: "
                           + "; ".join(f"{r.naam} {r.status}" + (f" ({r.melding})" if r.melding else "")
                                       for r in resultaten)) from None
    console.print(samenvattingstabel(resultaten, index))
    return resultaten, index
