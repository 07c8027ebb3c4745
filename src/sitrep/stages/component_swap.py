"""Put one of sitrep's own spaCy components in the place of a model's component.

The attribute table and the lemma memo both stand in for a component of the loaded model (its attribute ruler, its
rule lemmatizer), built from that component's own data: registered once as a factory, added right after it, given
its data, and the original removed, so the pipeline's order and outputs stay the same.
"""

from __future__ import annotations

from typing import Any


def swap_component(nlp: Any, old: str, factory: str, make: Any, data: Any) -> Any:
    """Replace ``nlp``'s component ``old`` by a new ``factory`` component (``make(vocab, name)``) fed ``data``
    through its ``use``; returns the new component."""
    from spacy.language import Language

    if not Language.has_factory(factory):
        Language.factory(factory)(_factory_of(make))
    added = nlp.add_pipe(factory, after=old)
    added.use(data)
    nlp.remove_pipe(old)
    return added


def _factory_of(make: Any) -> Any:
    def create(nlp: Any, name: str) -> Any:
        return make(nlp.vocab, name)

    return create
