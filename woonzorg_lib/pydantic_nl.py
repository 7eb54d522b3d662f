"""Pydantic validation errors as Dutch messages naming the file, the key and what was expected."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ValidationError

from woonzorg_lib.errors import Melding, keuze


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
        return f"verwacht een getal met een punt als decimaalteken (bijvoorbeeld 0.10), kreeg {kreeg}"
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
    return [Melding(bestand, _plek(f["loc"]), _tekst(f, velden)) for f in fout.errors(include_url=False)]
