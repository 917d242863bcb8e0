def test_a_small_share_handled_by_weighting_is_a_concrete_difficulty() -> None:
    from deepdive.factsheet import nudge

    told = "Fraud was 0.3 percent of orders; I kept all positives and weighted the loss."
    assert nudge("hard_part", told) is None
    assert nudge("hard_part", "We had a lot of data.") is not None
