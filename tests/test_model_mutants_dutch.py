"""Dutch writing rules the model applies to its sentences."""

from model.dutch import after_colon, listing


def test_a_sentence_after_a_colon_starts_with_a_small_letter() -> None:
    assert after_colon("Elke zorgaanbieder in productie heeft getekend.") == (
        "elke zorgaanbieder in productie heeft getekend."
    )
    assert after_colon("E") == "e"
    assert after_colon("") == ""


def test_a_listing_joins_the_last_two_with_en() -> None:
    assert listing([]) == ""
    assert listing(["2024"]) == "2024"
    assert listing(["2024", "2025"]) == "2024 en 2025"
    assert listing(["1", "2", "3", "4"]) == "1, 2, 3 en 4"
