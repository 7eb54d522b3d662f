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
