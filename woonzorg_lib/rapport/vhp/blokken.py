"""The building blocks of a VHP chapter, the same for Word, HTML and PDF: headings, text, lists, tables, figures."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Kop:
    """A heading: level 1 is the chapter, 2 a section."""

    tekst: str
    niveau: int = 2


@dataclass(frozen=True)
class Alinea:
    tekst: str
    nadruk: bool = False


@dataclass(frozen=True)
class Lijst:
    punten: tuple[str, ...]


@dataclass(frozen=True)
class Tabel:
    """A table with one header row; ``totaal`` marks the rows that are a total (shown bold)."""

    bijschrift: str
    kolommen: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]
    getallen: tuple[int, ...] = ()  # the columns holding numbers (right-aligned)
    totaal: tuple[int, ...] = ()


@dataclass(frozen=True)
class Figuur:
    """A chart as PNG with its text alternative (what it shows, in words)."""

    png: bytes
    alt: str
    bijschrift: str


Blok = Kop | Alinea | Lijst | Tabel | Figuur


@dataclass(frozen=True)
class Hoofdstuk:
    """One gemeente's chapter: its blocks and the file names of its products."""

    gemeentecode: str
    gemeente: str
    deelregio: str
    titel: str
    blokken: tuple[Blok, ...]
    bestand: str  # the stem: vhp-<code>-<naam>
    cijfers: dict[str, str] = field(default_factory=dict)  # a few key figures as shown, for the consistency test

    def tekst(self) -> str:
        """Everything a reader reads, as plain text (for the readability test)."""
        delen: list[str] = []
        for blok in self.blokken:
            if isinstance(blok, Kop | Alinea):
                delen.append(blok.tekst)
            elif isinstance(blok, Lijst):
                delen += blok.punten
            elif isinstance(blok, Tabel):
                delen += [blok.bijschrift, *blok.kolommen, *(c for r in blok.rijen for c in r)]
            else:
                delen += [blok.alt, blok.bijschrift]
        return "\n".join(delen)
