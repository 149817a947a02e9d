"""The gazetteer's lookup memo answers a name as a fresh lookup would, whatever was looked up before:
results must never depend on which articles a process read earlier."""

from __future__ import annotations


def test_a_name_sharing_another_names_spelling_keeps_its_own_candidates(services):
    g = services.gazetteer
    # "El Dorado" drops its article in the matching key ("dorado"); "Eldorado" keeps it ("eldorado"):
    # both are spelled "eldorado", and the first looked up had answered for the second
    spaced = [(e.name, e.country) for e in g.lookup("El Dorado")]
    joined = [(e.name, e.country) for e in g.lookup("Eldorado")]
    assert joined and all(name == "Eldorado" for name, _ in joined[:3]), joined[:3]
    assert spaced and all(name == "El Dorado" for name, _ in spaced[:3]), spaced[:3]
    assert [(e.name, e.country) for e in g.lookup("El Dorado")] == spaced
