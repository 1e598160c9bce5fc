import pytest

from reconcile import units
from reconcile.errors import UnitError


@pytest.mark.parametrize("unit, value, expected_unit, expected", [
    ("mile", 680, "kilometer", 1094.3),
    ("cubic_foot / day", 1.6e9, "cubic_meter / year", 1.6548e10),
    ("terawatt_hour", 9.5, "gigawatt_hour", 9500),
    ("oil_barrel / day", 100_000, "oil_barrel / year", 3.65e7),
    ("percent", 46, "dimensionless", 0.46),
    ("foot", 590, "meter", 179.8),
    ("short_ton", 1, "tonne", 0.907),
    ("megapixel", 8, "pixel", 8e6),
    ("pixel / inch", 254, "pixel / centimeter", 100),
])
def test_conversions(unit, value, expected_unit, expected):
    assert units.from_base(units.to_base(value, unit), expected_unit) == pytest.approx(expected, rel=1e-3)


def test_currencies_have_their_own_dimensions():
    dims = {units.conversion(code).dimension for code in ("USD", "EUR", "GBP", "PKR", "INR")}
    assert len(dims) == 5


def test_percentage_point_is_not_dimensionless():
    assert units.conversion("percentage_point").dimension != units.conversion("percent").dimension


def test_temperature_offsets():
    assert units.to_base(0, "degree_Celsius") == pytest.approx(273.15)
    assert units.from_base(units.to_base(212, "degree_Fahrenheit"), "degree_Celsius") == pytest.approx(100)


def test_multiples_for_decades_and_gas_units():
    assert units.split_multiple("10 year") == (10.0, "year")
    assert units.split_multiple("1e9 cubic_meter / day") == (1e9, "cubic_meter / day")
    assert units.split_multiple("kilometer") == (1.0, "kilometer")


def test_every_spelling_maps_to_a_unit_pint_knows():
    for _, unit, _ in units.UNIT_SPELLINGS:
        if unit not in ("rupee", "dollar"):  # resolved per document
            units.conversion(units.split_multiple(unit)[1])


def test_unknown_unit_is_a_clear_error():
    with pytest.raises(UnitError, match="unknown unit 'florp'"):
        units.conversion("florp")


def test_cached_table_matches_pint(tmp_path, monkeypatch):
    monkeypatch.setenv(units.CACHE_ENV, str(tmp_path))
    units._table.cache_clear()
    try:
        table = units._table()
        assert list(tmp_path.iterdir())  # written
        units._table.cache_clear()
        assert units._table() == table  # read back identical
        for unit in ("mile", "cubic_foot / day", "USD / year"):
            assert table[unit] == units._convert(unit)
    finally:
        units._table.cache_clear()
