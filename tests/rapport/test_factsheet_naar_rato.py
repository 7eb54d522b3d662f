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


def test_a_share_of_the_centrumregio_count_is_named_as_such_and_the_national_fallback_as_a_makeshift():
    from woonzorg_lib.data.basis import basisgegevens, landelijke_kengetallen, per_gemeente, verhuringen
    from woonzorg_lib.data.catalogus import centrumregio_per_gemeente
    from woonzorg_lib.model.standaardinvoer import standaard_invoer

    basis = basisgegevens()
    invoer = standaard_invoer(per_gemeente(basis), basis, landelijke_kengetallen(), verhuringen(),
                              centrumregios=centrumregio_per_gemeente()).set_index(["gemeentecode", "onderwerp"])
    amsterdam = korte_bron(invoer.loc[("GM0363", "dakloze_personen"), "bron"])
    haarlem = korte_bron(invoer.loc[("GM0392", "dakloze_personen"), "bron"])
    assert "monitor Dakloosheid" in amsterdam and "centrumregio" in amsterdam and "noodoplossing" not in amsterdam
    assert "noodoplossing" in haarlem and "in Nederland" in haarlem
