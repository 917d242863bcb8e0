"""Denials of any weakness (deepdive/denials.py with data/checks.yaml)."""

from __future__ import annotations

import pytest

from deepdive.denials import denies_weakness


@pytest.mark.parametrize(
    "text",
    [
        "There were no real limitations, to be honest; the scope was clear and the data clean.",
        "People ask about limitations, but this one was so narrow there weren't really any.",
        "No, I don’t think we’d change anything; it went about as well as it could have.",
        "No real limitations; the model only needed retraining once a quarter.",
        "No real weaknesses; we didn't need anything else.",
        "No real weaknesses; it is what it is.",
    ],
)
def test_denials(text: str) -> None:
    assert denies_weakness(text)


@pytest.mark.parametrize(
    "text",
    [
        "There were no real limitations in the model itself; labelled data was scarce, though.",
        "Compute wasn't a real limitation; labelled data was, and the night shift had almost none.",
        "A limitation is that the model needs fresh labels, and in March there weren't any.",
        "Nothing went wrong for three weeks; then the schema changed.",
    ],
)
def test_a_weakness_after_the_denial_turns_it_around(text: str) -> None:
    assert not denies_weakness(text)
