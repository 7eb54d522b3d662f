"""Pydantic validation errors as Dutch messages naming the file, the key and what was expected."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from woonzorg_lib.algemeen.errors import Melding, keuze


def _toon(waarde: Any) -> str:
    if isinstance(waarde, str):
        return f"'{waarde}'" if len(waarde) <= 80 else f"'{waarde[:60]}…' ({len(waarde)} tekens)"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if waarde is None:
        return "niets (leeg)"
    if isinstance(waarde, dict):
        return "een lijst van sleutels"
    if isinstance(waarde, list):
        return "een lijst"
    return str(waarde)


def _plek(loc: tuple[int | str, ...]) -> str:
    delen = []
    for deel in loc:
        if isinstance(deel, int):
            delen.append(f"[{deel + 1}]")
        else:
            delen.append(("." if delen else "") + deel)
    return "".join(delen) or "(hele bestand)"


def _tekst(fout: dict[str, Any], velden: list[str]) -> str:
    soort, ctx, kreeg = fout["type"], fout.get("ctx", {}), _toon(fout.get("input"))
    if soort == "extra_forbidden":
        return f"onbekende sleutel; {keuze(str(fout['loc'][-1]), velden)}"
    if soort == "missing":
        return "verplichte sleutel ontbreekt"
    if soort.startswith("int_"):
        return f"verwacht een geheel getal (bijvoorbeeld 2024), kreeg {kreeg}"
    if soort == "finite_number":
        yaml = {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}.get(str(fout.get("input")), kreeg)
        return f"verwacht een eindig getal, kreeg {yaml} (geen getal om mee te rekenen)"
    if soort == "string_too_short":
        return "mag niet leeg zijn"
    if soort == "string_too_long":
        return f"is te lang (hoogstens {ctx.get('max_length')} tekens), kreeg {kreeg}"
    if soort.startswith("float_") and isinstance(fout.get("input"), str) and re.fullmatch(
            r"-?\d+(\.\d*)?[eE]\d+", fout["input"]):
        return f"schrijf een exponent met teken, bijvoorbeeld 1.0e+3 (YAML leest {kreeg} als tekst)"
    if soort.startswith("float_"):
        return f"verwacht een getal (bijvoorbeeld 0.10 of 0,10), kreeg {kreeg}"
    if soort.startswith("string_"):
        return f"verwacht tekst, kreeg {kreeg}"
    if soort.startswith("bool_"):
        return f"verwacht true of false, kreeg {kreeg}"
    if soort.startswith("list_"):
        return f"verwacht een lijst (regels die met '- ' beginnen), kreeg {kreeg}"
    if soort in ("model_type", "model_attributes_type", "dict_type"):
        return f"verwacht sleutels met waarden, kreeg {kreeg}"
    if soort == "literal_error":
        return f"verwacht een van {ctx.get('expected', '')}, kreeg {kreeg}".replace(" or ", " of ")
    if soort in ("greater_than_equal", "greater_than"):
        grens = f'{ctx.get("ge", ctx.get("gt")):g}'
        return f"moet {'minstens' if soort == 'greater_than_equal' else 'groter dan'} {grens} zijn, kreeg {kreeg}"
    if soort in ("less_than_equal", "less_than"):
        grens = f'{ctx.get("le", ctx.get("lt")):g}'
        return f"{'mag hoogstens' if soort == 'less_than_equal' else 'moet kleiner dan'} {grens} zijn, kreeg {kreeg}"
    # Our own validators raise PydanticCustomError with a Dutch message.
    return str(fout["msg"])


def vertaal_fouten(fout: ValidationError, bestand: str, model: type[BaseModel]) -> list[Melding]:
    """Every error of a pydantic ValidationError as a Dutch Melding.

    >>> from pydantic import BaseModel, ConfigDict
    >>> class P(BaseModel):
    ...     model_config = ConfigDict(extra="forbid", strict=True)
    ...     peiljaar: int
    >>> try:
    ...     P.model_validate({"peiljaar": "2024", "peljaar": 1})
    ... except ValidationError as e:
    ...     print("\\n".join(str(m) for m in vertaal_fouten(e, "p.yaml", P)))
    p.yaml: peiljaar: verwacht een geheel getal (bijvoorbeeld 2024), kreeg '2024'
    p.yaml: peljaar: onbekende sleutel; bedoelde u 'peiljaar'?
    """
    velden = list(model.model_fields)
    return [_melding(f, bestand, velden) for f in fout.errors(include_url=False)]


def _melding(fout: dict[str, Any], bestand: str, velden: list[str]) -> Melding:
    """One error; a key that is no text (YAML reads ``1:`` as a number) names the mapping it is in, and the key.

    >>> str(_melding({"type": "invalid_key", "loc": (1,), "input": 1}, "p.yaml", []))
    "p.yaml: (hele bestand): sleutel 1 moet tekst zijn; zet hem tussen aanhalingstekens ('1')"
    >>> str(_melding({"type": "string_type", "loc": ("verdeelsleutels", "Mix", 2, "[key]"), "input": 2}, "p.yaml", []))
    "p.yaml: verdeelsleutels.Mix: sleutel 2 moet tekst zijn; zet hem tussen aanhalingstekens ('2')"
    """
    loc = tuple(fout["loc"])
    if fout["type"] == "invalid_key" or loc[-1:] == ("[key]",):
        sleutel = fout.get("input")
        ouder = loc[:-2] if loc[-1:] == ("[key]",) else loc[:-1]
        return Melding(bestand, _plek(ouder), f"sleutel {_toon(sleutel)} moet tekst zijn; zet hem tussen "
                                              f"aanhalingstekens ('{_toon(sleutel)}')")
    return Melding(bestand, _plek(loc), _tekst(fout, velden))
