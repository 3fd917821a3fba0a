"""Dutch writing rules the model applies to its sentences."""

from model.dutch import after_colon


def test_a_sentence_after_a_colon_starts_with_a_small_letter() -> None:
    assert after_colon("Elke zorgaanbieder in productie heeft getekend.") == (
        "elke zorgaanbieder in productie heeft getekend."
    )
    assert after_colon("E") == "e"
    assert after_colon("") == ""
