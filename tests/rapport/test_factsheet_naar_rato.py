"""A factsheet says when a gemeente's corporation stock is the province's share (a pro-rata default), not its own."""

from woonzorg_lib.rapport.factsheet import korte_bron


def test_a_provincial_share_is_named_as_such_and_an_own_share_as_the_gemeentes():
    provinciaal = ("corporatiewoningen (schatting: woningvoorraad 2024-01-01 (CBS 85984NED) × aandeel corporatiewoningen "
                   "provincie Noord-Holland 31,4% op 2023-01-01 (CBS 82900NED); geen eigen cijfer van de gemeente: het "
                   "provinciale aandeel naar rato) × mutatiegraad 0,0696")
    eigen = ("corporatiewoningen (schatting: woningvoorraad 2024-01-01 (CBS 85984NED) × het eigen aandeel "
             "corporatiewoningen van de gemeente op 2024-01-01 (CBS 85984NED, in hele procenten: ±0,5 procentpunt)) "
             "× mutatiegraad 0,0696")
    assert "provincie" in korte_bron(provinciaal) and "geen eigen cijfer" in korte_bron(provinciaal)
    assert "eigen corporatiebezit" in korte_bron(eigen)


def test_the_jeugdzorg_outflow_names_the_gemeentes_own_cbs_count_or_says_it_has_none():
    from woonzorg_lib.data.basis import (
        basisgegevens,
        jeugdhulp_verblijf,
        landelijke_kengetallen,
        per_gemeente,
        verhuringen,
    )
    from woonzorg_lib.model.standaardinvoer import standaard_invoer

    basis = basisgegevens()
    invoer = standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen(),
                              jeugdhulp=jeugdhulp_verblijf())
    bron = invoer[invoer["onderwerp"] == "jeugdzorg_uitstroom"].set_index("gemeentecode")["bron"]
    eigen, regio, geen = (korte_bron(f"jeugdzorg_uitstroom ({bron[c]}) × aandeel_woningbehoefte_jeugd")
                          for c in ("GM0363", "GM0060", "GM0277"))  # Amsterdam, Ameland (suppressed), Rozendaal
    assert "jeugdhulp met verblijf in de gemeente" in eigen and "naar inwoners" not in eigen
    assert "jeugdregio" in regio and "afgeschermd" in regio
    assert "naar inwoners" in geen and "geen eigen cijfer" in geen
    assert len({eigen, regio, geen}) == 3
