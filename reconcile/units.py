"""The one pint registry, the news spellings of units as data, and normalization.

pint cannot parse news text ("cubic metres" is two words, "bn" is not a unit), so the
extractor maps each printed spelling to a canonical pint unit string through the tables
below, and only canonical strings ever reach pint.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

# Units pint lacks or names differently, in pint's definition grammar.
DEFINITIONS = """
cubic_meter = meter ** 3
percentage_point = [percentage_point]
basis_point = 0.01 * percentage_point
USD = [currency_USD]
EUR = [currency_EUR]
GBP = [currency_GBP]
JPY = [currency_JPY]
CNY = [currency_CNY]
INR = [currency_INR]
PKR = [currency_PKR]
LKR = [currency_LKR]
NPR = [currency_NPR]
BDT = [currency_BDT]
RUB = [currency_RUB]
CHF = [currency_CHF]
AUD = [currency_AUD]
CAD = [currency_CAD]
HKD = [currency_HKD]
NZD = [currency_NZD]
SGD = [currency_SGD]
BRL = [currency_BRL]
ZAR = [currency_ZAR]
rupee = [currency_rupee]
KRW = [currency_KRW]
MXN = [currency_MXN]
PHP = [currency_PHP]
ARS = [currency_ARS]
COP = [currency_COP]
CLP = [currency_CLP]
peso = [currency_peso]
SEK = [currency_SEK]
NOK = [currency_NOK]
DKK = [currency_DKK]
AED = [currency_AED]
SAR = [currency_SAR]
NGN = [currency_NGN]
KES = [currency_KES]
TWD = [currency_TWD]
THB = [currency_THB]
MYR = [currency_MYR]
IDR = [currency_IDR]
TRY = [currency_TRY]
PLN = [currency_PLN]
ILS = [currency_ILS]
EGP = [currency_EGP]
VND = [currency_VND]
XOF = [currency_XOF]
square_meter = meter ** 2
proof = 0.5 * percent
mmBTU = 1e6 * british_thermal_unit
"""

# Printed spelling (regex, matched case-insensitively unless marked) -> (canonical unit, kind).
# Longest spellings are tried first, so "cubic feet" wins over "feet".
UNIT_SPELLINGS: list[tuple[str, str, str]] = [
    # volume, including the gas trade's abbreviations
    (r"(?:standard\s+)?cubic[\s-]+met(?:er|re)s?", "cubic_meter", "quantity"),
    (r"cu\.?\s?m\b|m3|m³|scm", "cubic_meter", "quantity"),
    (r"cubic[\s-]+f(?:oo|ee)t", "cubic_foot", "quantity"),
    (r"cu\.?\s?ft|ft3|ft³", "cubic_foot", "quantity"),
    (r"bcm", "1e9 cubic_meter", "quantity"),
    (r"mcm|mmcm", "1e6 cubic_meter", "quantity"),
    (r"bcfd", "1e9 cubic_foot / day", "quantity"),
    (r"mmscfd|mmcfd", "1e6 cubic_foot / day", "quantity"),
    (r"mmscmd", "1e6 cubic_meter / day", "quantity"),
    (r"bcf", "1e9 cubic_foot", "quantity"),
    (r"tcf", "1e12 cubic_foot", "quantity"),
    (r"mmcf|mmscf", "1e6 cubic_foot", "quantity"),
    # "33.64mb/d", "280kb/d": the oil trade's million and thousand barrels a day (OPEC and IEA reports)
    (r"mm?b/d|mm?bpd", "1e6 oil_barrel / day", "quantity"),
    (r"kb/d|kbpd", "1e3 oil_barrel / day", "quantity"),
    (r"b(?:pd|opd|/d)", "oil_barrel / day", "quantity"),  # "2.26 million bpd": the oil trade's barrels a day
    (r"(?:oil\s+)?barrels?|bbl", "oil_barrel", "quantity"),
    (r"millilit(?:er|re)s?|(?-i:ml|mL)", "milliliter", "quantity"),
    (r"bushels?", "bushel", "quantity"),
    (r"light[\s-]years?", "light_year", "quantity"),  # "300 light-years away": a distance, not a span of time
    (r"lit(?:er|re)s?|(?<=\d)(?-i:L)|(?-i:L)(?=/)", "liter", "quantity"),  # "a 2.0L engine", "6.5 L/100km"
    (r"gallons?", "gallon", "quantity"),
    (r"pints?", "pint", "quantity"),  # "four pints at his local": a volume, not a count of pints
    (r"quarts?", "quart", "quantity"),
    # length and area
    (r"square[\s-]+kilomet(?:er|re)s?|sq\.?\s?km|km2|km²", "kilometer ** 2", "quantity"),
    (r"square[\s-]+miles?|sq\.?\s?mi", "mile ** 2", "quantity"),
    (r"square[\s-]+met(?:er|re)s?|sq\.?\s?m\b|m2|m²", "meter ** 2", "quantity"),
    (r"square[\s-]+f(?:oo|ee)t|sq\.?\s?ft|ft2|ft²", "foot ** 2", "quantity"),
    (r"hectares?|ha\b", "hectare", "quantity"),
    (r"acres?", "acre", "quantity"),
    (r"kilomet(?:er|re)s?\s+(?:per|an|a)\s+hour|km/hr?|kph|kmph|kmh", "kilometer / hour", "quantity"),
    (r"(?:kilomet(?:er|re)s?|km)\s+(?:per|a)\s+second|km/s", "kilometer / second", "quantity"),  # "1.68km per second"
    (r"(?:met(?:er|re)s?|m)\s+(?:per|a)\s+second|m/s", "meter / second", "quantity"),  # "1,680 m per second"
    (r"f(?:oo|ee)t\s+(?:per|a)\s+second|ft/s", "foot / second", "quantity"),  # "winds of 13 feet per second"
    (r"miles?\s+(?:per|an|a)\s+hour|mph", "mile / hour", "quantity"),
    (r"miles?\s+(?:per|a)\s+gallon|mpg", "mile / gallon", "quantity"),  # fuel economy: "up to 25 mpg"
    (r"knots?", "knot", "quantity"),
    (r"nautical\s+miles?", "nautical_mile", "quantity"),
    (r"kilomet(?:er|re)s?|kms?", "kilometer", "quantity"),
    # torque, before "pounds" and "feet": "400 pound-feet" is neither sterling nor a length
    (r"pound[\s-]f(?:ee|oo)t|lb[\s.-]*ft|foot[\s-]pounds?|ft[\s.-]*lbs?", "force_pound * foot", "quantity"),
    (r"newton[\s-]met(?:er|re)s?|(?-i:Nm)", "newton * meter", "quantity"),
    (r"centimet(?:er|re)s?|cm", "centimeter", "quantity"),
    (r"micromet(?:er|re)s?|microns?|(?-i:µm)", "micrometer", "quantity"),
    (r"nanomet(?:er|re)s?|(?<=\d)(?-i:nm)", "nanometer", "quantity"),  # a chip's "45 nanometers", "a 7nm process"
    (r"millimet(?:er|re)s?|mm", "millimeter", "quantity"),
    (r"met(?:er|re)s?", "meter", "quantity"),
    (r"miles?", "mile", "quantity"),
    (r"f(?:oo|ee)t|ft", "foot", "quantity"),
    (r"inch(?:es)?", "inch", "quantity"),
    (r"yards?", "yard", "quantity"),
    (r"mm\s?btu|million\s+British\s+thermal\s+units", "mmBTU", "quantity"),
    # energy and power
    (r"terawatt[\s-]hours?|TWh", "terawatt_hour", "quantity"),
    (r"gigawatt[\s-]hours?|GWh", "gigawatt_hour", "quantity"),
    (r"megawatt[\s-]hours?|MWh", "megawatt_hour", "quantity"),
    (r"kilowatt[\s-]hours?|kWh", "kilowatt_hour", "quantity"),
    (r"gigawatts?|GW", "gigawatt", "quantity"),
    (r"megawatts?|MW", "megawatt", "quantity"),
    (r"kilowatts?|kW", "kilowatt", "quantity"),
    (r"watt[\s-]hours?|(?-i:Wh)", "watt_hour", "quantity"),  # "a 60Wh battery"
    (r"watts?|(?<=\d)(?-i:W)", "watt", "quantity"),  # "18W charging": a bare capital W only glued to its number
    # phones and chips: "a 5,000mAh battery", "a 1.3 GHz processor"
    (r"milliamp(?:ere)?[\s-]hours?|(?-i:mAh)", "milliampere_hour", "quantity"),
    (r"gigahertz|(?-i:GHz)", "gigahertz", "quantity"),
    (r"megahertz|(?-i:MHz)", "megahertz", "quantity"),
    (r"(?:brake\s+)?horsepower|(?-i:b?hp)", "horsepower", "quantity"),
    (r"revolutions\s+per\s+minute|rpm", "revolutions_per_minute", "quantity"),
    # explosive yield: "kiloton" without the -ne is the bomb-makers' unit
    (r"kilotons?(?:\s+of\s+TNT)?", "1e3 ton_TNT", "quantity"),
    (r"megatons?(?:\s+of\s+TNT)?", "1e6 ton_TNT", "quantity"),
    (r"(?:tonnes?|tons?)\s+of\s+TNT", "ton_TNT", "quantity"),  # "1,100 tons of TNT": a yield, not a mass
    # data; pint's bit is dimensionless, so conversion() gives it a dimension of its own
    (r"petabytes?|(?-i:PB)", "petabyte", "quantity"),
    (r"terabytes?|(?-i:TB)", "terabyte", "quantity"),
    (r"gigabytes?|(?-i:GB)", "gigabyte", "quantity"),
    (r"megabytes?|(?-i:MB)", "megabyte", "quantity"),
    (r"kilobytes?|(?-i:KB|kB)", "kilobyte", "quantity"),
    (r"bits?", "bit", "quantity"),  # "a 64-bit chip"
    (r"gigabits?\s+(?:per|a)\s+second|(?-i:Gbps|Gbit/s)", "gigabit / second", "quantity"),
    (r"megabits?\s+(?:per|a)\s+second|(?-i:Mbps|Mbit/s)", "megabit / second", "quantity"),
    # imaging: "an 8-megapixel camera", "a density of 267ppi"
    (r"megapixels?|(?<=\d)(?-i:MP)", "megapixel", "quantity"),  # "a 12MP camera": glued only ("12 MPs" are members)
    (r"pixels?\s+per\s+inch|(?-i:ppi)", "pixel / inch", "quantity"),
    # mass
    (r"kilotonnes?|(?-i:kt)", "1e3 tonne", "quantity"),
    (r"megatonnes?|(?-i:Mt)", "1e6 tonne", "quantity"),
    # "23.96mt", "just under 13mt": Australian grain reports' million tonnes, glued to the figure;
    # "1.2 MMT": the USDA's million metric tons
    (r"(?<=\d)(?-i:mt)|(?-i:MMT|mmt)", "1e6 tonne", "quantity"),
    # a bare t also before "/": "1.45t/ha" is tonnes a hectare
    (r"metric\s+(?:tonnes?|tons?)|tonnes?|(?-i:t)(?=[\s,.;)/]|$)", "tonne", "quantity"),
    (r"short\s+tons?", "short_ton", "quantity"),
    (r"long\s+tons?", "long_ton", "quantity"),
    (r"tons?", "short_ton", "quantity"),
    (r"kilogram(?:me)?s?|kilos?|kg", "kilogram", "quantity"),  # British papers print "kilogrammes"
    (r"milligram(?:me)?s?|(?-i:mg)", "milligram", "quantity"),
    (r"microgram(?:me)?s?|(?-i:mcg|µg)", "microgram", "quantity"),
    (r"(?-i:gpt|g/t)", "gram / tonne", "quantity"),  # ore grades: "a head grade of 5.45gpt", "2.1 g/t gold"
    (r"gram(?:me)?s?|(?<=\d)(?-i:g)", "gram", "quantity"),  # "weighs 163g": a bare g only glued to its number
    # miners' output: "4.14 MMoz", "2.1Moz" (million ounces), "713koz" (thousand ounces)
    (r"(?-i:MMoz|Moz)", "1e6 troy_ounce", "quantity"),
    (r"(?-i:koz)", "1e3 troy_ounce", "quantity"),
    (r"troy\s+ounces?|(?-i:ozt)", "troy_ounce", "quantity"),
    (r"ounces?|(?-i:oz)", "ounce", "quantity"),
    # "5 million pounds of thrust": a rocket's or an engine's force, as aerospace reports print it
    (r"pounds?(?=\s+of\s+(?:thrust|force)\b)|(?-i:lbf)", "force_pound", "quantity"),
    # "500 pounds of grain"; bare "pounds" is sterling, and so is "34.6 million pounds of a year earlier"
    (r"pounds?(?=\s+of\b)(?!\s+of\s+(?:(?:a|the|last|this|that|previous|prior|same)\s+)+(?:years?|quarters?|months?|period|half|week)\b)|lbs?",
     "pound", "quantity"),
    # temperature (offset units: converted by pint, not by factor)
    (r"(?:degrees?\s+)?(?:celsius|centigrade)|degrees?\s+(?-i:C)\b(?!\.\w)|°\s?(?-i:C)\b|(?-i:C)(?=[\s,.;)]|$)", "degree_Celsius", "quantity"),
    (r"(?:degrees?\s+)?fahrenheit|degrees?\s+(?-i:F)\b(?!\.\w)|°\s?(?-i:F)\b|(?-i:F)(?=[\s,.;)]|$)", "degree_Fahrenheit", "quantity"),
    # ratios
    (r"(?:percentage|per[\s-]*cent)[\s-]+points?|%\s?points?\b|pp\b|ppts?\b", "percentage_point", "percent"),  # "7.3 percent points", "1.7% points"
    (r"basis\s+points?|bps?\b", "basis_point", "percent"),
    (r"per[\s-]*cent|percent|pct\b|pc\b|%", "percent", "percent"),
    (r"proof", "proof", "percent"),  # US proof: twice the alcohol by volume
    (r"per\s*mille|per\s*mil\b|‰", "permille", "percent"),  # "6.39 per mille", "6.39‰": per thousand
    (r"parts\s+per\s+million|ppm", "ppm", "percent"),
    # durations
    (r"centur(?:y|ies)", "100 year", "duration"),
    (r"decades?", "10 year", "duration"),
    # not "down 46,000 year on year": the period compared over, said after the figure
    (r"(?:years?|yrs?)(?![\s-]+on[\s-]+year)", "year", "duration"),
    (r"months?(?![\s-]+on[\s-]+month)", "month", "duration"),
    (r"weeks?(?![\s-]+on[\s-]+week)", "week", "duration"),
    (r"days?", "day", "duration"),
    (r"hours?|hrs?|(?<=\d)(?-i:h)", "hour", "duration"),  # "a 10.5h trip": glued to its number, lower case only
    (r"minutes?|mins?", "minute", "duration"),
    (r"seconds?|secs?", "second", "duration"),
    # "a time of 3.5s", "ran 9.58s": a lower-case s glued to a decimal is seconds ("the 1990s", "747s" are not)
    (r"(?:(?<=\d\.\d)|(?<=\d\.\d\d)|(?<=\d\.\d\d\d))(?-i:s)", "second", "duration"),
    # currencies written after the number
    (r"(?:US|U\.S\.|American)\s+dollars?", "USD", "money"),
    (r"Canadian\s+dollars?", "CAD", "money"),
    (r"Australian\s+dollars?", "AUD", "money"),
    (r"New\s+Zealand\s+dollars?", "NZD", "money"),
    (r"Singapore\s+dollars?", "SGD", "money"),
    (r"Hong\s+Kong\s+dollars?", "HKD", "money"),
    (r"(?:Brazilian\s+)?reais|reals?", "BRL", "money"),
    (r"€", "EUR", "money"),
    (r"dollars?", "dollar", "money"),
    (r"euros?", "EUR", "money"),
    (r"(?:British\s+)?pounds?\s+sterling|pounds?", "GBP", "money"),
    (r"yuan|renminbi", "CNY", "money"),
    (r"yen", "JPY", "money"),
    (r"roubles?|rubles?", "RUB", "money"),
    (r"(?:West\s+African\s+)?CFA\s+francs?|(?-i:CFA)", "XOF", "money"),  # the franc of Ivory Coast, Senegal, Mali...
    (r"(?:Swiss\s+)?francs?", "CHF", "money"),  # a bare franc in today's news is the Swiss one
    # "60 trillion won", "a 270,000-won fee"; not the verb: "11 won the vote", "3 won by a head"
    (r"(?:South\s+)?Korean\s+won|(?-i:won)(?!\s+(?:the|a|an|by|his|her|their|its|our|to)\b)", "KRW", "money"),
    (r"(?:Mexican\s+)?pesos?", "peso", "money"),  # which peso: resolved per document (see PESO_BY_COUNTRY)
    (r"(?:Swedish\s+)(?:crowns?|kronor|krona)", "SEK", "money"),
    (r"(?:Norwegian\s+)(?:crowns?|kroner|krone)", "NOK", "money"),
    (r"(?:Danish\s+)(?:crowns?|kroner|krone)", "DKK", "money"),
    (r"(?:UAE\s+|Emirati\s+)?dirhams?", "AED", "money"),
    (r"(?:Saudi\s+)?riyals?", "SAR", "money"),
    (r"naira", "NGN", "money"),
    (r"Kenyan\s+shillings?", "KES", "money"),
    (r"(?:Taiwan(?:ese)?\s+dollars?)", "TWD", "money"),
    (r"(?:Thai\s+)?baht", "THB", "money"),
    (r"(?:Malaysian\s+)?ringgit", "MYR", "money"),
    (r"(?:Indonesian\s+)?rupiah", "IDR", "money"),
    (r"(?:Turkish\s+)?lira", "TRY", "money"),
    (r"(?:Polish\s+)?zlotys?", "PLN", "money"),
    (r"(?:Israeli\s+)?(?:new\s+)?shekels?", "ILS", "money"),
    (r"Egyptian\s+pounds?", "EGP", "money"),
    (r"rupees?", "rupee", "money"),
    (r"(?:South\s+African\s+)?rand", "ZAR", "money"),
    (r"(?:Vietnamese\s+)?(?-i:dong)", "VND", "money"),  # "8.9 trillion dong"
    (r"USD", "USD", "money"), (r"EUR", "EUR", "money"), (r"GBP", "GBP", "money"),
    (r"PKR", "PKR", "money"), (r"INR", "INR", "money"), (r"CNY|RMB", "CNY", "money"),
    (r"JPY", "JPY", "money"), (r"CHF", "CHF", "money"), (r"AUD", "AUD", "money"), (r"CAD", "CAD", "money"),
    (r"KRW", "KRW", "money"), (r"MXN", "MXN", "money"), (r"SEK", "SEK", "money"), (r"AED", "AED", "money"),
]

# Spellings read only after "a", "per" or "/": "$2.08 a pound" is a price per pound of weight.
# "HK$68,481 psf": property reports' own abbreviations already say "per square foot" or "per square metre"
PER_ONLY_SPELLINGS: list[tuple[str, str, str]] = [(r"pounds?|lbs?", "pound", "quantity"),
                                                  (r"(?-i:psf)", "foot ** 2", "quantity"), (r"(?-i:psm)", "meter ** 2", "quantity")]

# Currency written before the number. "rupee" is resolved per document (see extract).
CURRENCY_PREFIXES: list[tuple[str, str]] = [
    (r"US\$|U\.S\.\s?\$|USD|\$US", "USD"),  # "$US496 million": Australian papers put the code after the sign
    (r"A\$|AU\$|AUD|\$A", "AUD"),
    (r"NZ\$|NZD|\$NZ", "NZD"),
    (r"S\$|SGD", "SGD"),
    (r"R\$|BRL", "BRL"),
    (r"C\$|CA\$|CAD", "CAD"),
    (r"HK\$|HKD", "HKD"),
    (r"\$", "dollar"),
    (r"€|EUR", "EUR"),
    (r"£|GBP", "GBP"),
    (r"₹|INR", "INR"),
    (r"PKR", "PKR"),
    (r"LKR", "LKR"),
    (r"Rs\.?|₨", "rupee"),
    (r"CNY|RMB|Rmb", "CNY"),
    (r"¥", "yen_sign"),  # yen or yuan: resolved per document (see YEN_SIGN_BY_COUNTRY)
    (r"JPY", "JPY"),
    (r"RUB|₽", "RUB"),
    (r"CHF", "CHF"),
    (r"KRW|₩", "KRW"),
    (r"MXN", "MXN"),
    (r"PHP|₱", "PHP"),
    (r"SEK", "SEK"),
    (r"AED|Dhs?", "AED"),  # "Dh17.2 billion": the UAE dirham, as the Gulf papers print it
    (r"SAR", "SAR"),
    (r"NGN|₦", "NGN"),
    (r"KES|KSh|Ksh", "KES"),
    (r"NT\$|TWD", "TWD"),
    (r"THB|฿", "THB"),
    (r"MYR|RM(?!\s)", "MYR"),  # "RM2.5 billion": the ringgit, as Malaysian papers print it (glued only)
    (r"IDR|Rp\.?", "IDR"),
    (r"TRY|₺", "TRY"),
    (r"PLN", "PLN"),
    (r"ILS|₪", "ILS"),
    (r"EGP|E£", "EGP"),
    (r"ZAR|R", "ZAR"),  # "R75", "about R20 500": the South African rand (after R$, the real)
]

# Which rupee a document means, by the country it names most (none named: INR, see quantities.rupee_for).
RUPEE_BY_COUNTRY: list[tuple[tuple[str, ...], str]] = [
    (("Pakistan", "Karachi", "Lahore", "Islamabad", "Sindh", "Peshawar", "Rawalpindi", "Balochistan"), "PKR"),
    (("India", "Delhi", "Mumbai", "Kerala", "Rajasthan", "Bengal", "Tamil Nadu", "Karnataka", "Maharashtra",
      "Gujarat", "Bihar", "Uttar Pradesh", "Sensex", "Bengaluru", "Chennai", "Kolkata", "Hyderabad"), "INR"),
    (("Sri Lanka", "Colombo"), "LKR"),
    (("Nepal", "Kathmandu"), "NPR"),
]

# Which peso a document means, by the country it names most (none named: the Mexican peso, the
# most traded; see quantities.peso_for).
PESO_BY_COUNTRY: list[tuple[tuple[str, ...], str]] = [
    (("Mexico", "Mexican"), "MXN"),
    (("Philippines", "Philippine", "Filipino", "Manila"), "PHP"),
    (("Argentina", "Argentine", "Buenos Aires"), "ARS"),
    (("Colombia", "Colombian", "Bogota", "Bogotá"), "COP"),
    (("Chile", "Chilean", "Santiago"), "CLP"),
]

# "¥" is the yen's sign and the yuan's: the country an article names most decides; with none, yen
# (English-language papers write the yuan as "yuan" or "RMB" far more often than as "¥").
YEN_SIGN_BY_COUNTRY: list[tuple[tuple[str, ...], str]] = [
    (("Japan", "Tokyo", "Nikkei", "yen", "Osaka", "Topix"), "JPY"),
    (("China", "Chinese", "Beijing", "Shanghai", "Shenzhen", "yuan", "renminbi", "Hang Seng"), "CNY"),
]

# A bare "$" or "dollars" is the dollar of the country an article names most (its dateline
# counts); with none named, or the United States most, it is the US dollar. A country's stock
# exchange names it too ("ASX's profit was a record $137.1 million"), as "Sensex" and "Nikkei" do above.
DOLLAR_BY_COUNTRY: list[tuple[tuple[str, ...], str]] = [
    (("United States", "U.S.", "Washington", "New York", "American", "California", "Texas", "Florida"), "USD"),
    (("Canada", "Canadian", "Toronto", "Ottawa", "Montreal", "Vancouver", "Ontario", "Quebec", "Alberta", "Calgary", "TSX"), "CAD"),
    (("Australia", "Australian", "Sydney", "Melbourne", "Canberra", "Brisbane", "Queensland", "Victoria", "Perth", "ASX"), "AUD"),
    (("New Zealand", "Auckland", "Wellington", "Christchurch", "NZX"), "NZD"),
    (("Singapore", "SGX"), "SGD"),
    (("Hong Kong", "HKEX"), "HKD"),
]

# With no country named in the text, an outlet's web address names it: the country-code top-level
# domain (IANA's root zone: .au, .nz, .ca, .sg, .hk) of a paper such as "www.odt.co.nz" whose
# court reports print a bare "$400".
DOLLAR_BY_DOMAIN: dict[str, str] = {"au": "AUD", "nz": "NZD", "ca": "CAD", "sg": "SGD", "hk": "HKD"}

SCALES: list[tuple[str, float]] = [
    (r"trillions?|tn|trn|tln", 1e12),  # "Rs. 87621.80 millions": Indian and European papers pluralize the scale
    (r"billions?|bn|bln", 1e9),
    (r"millions?|mn|mln|mio|mil", 1e6),
    (r"thousand", 1e3),
    (r"hundred", 1e2),  # "3 hundred million": a newsroom's mixed spelling
    (r"crores?", 1e7),
    (r"lakhs?|lacs?", 1e5),
    (r"dozen", 12),  # "two dozen eggs", "half a dozen"
]
# Single-letter scales, only glued to a number ("$2bn", "£3m", "5k") and case-sensitive.
LETTER_SCALES = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "bn": 1e9, "tn": 1e12}

# Rates after a quantity: "per day", "a year", "annually", "/d".
RATE_SPELLINGS: list[tuple[str, str]] = [
    (r"(?:per|a|each|every)[\s-]+day|daily|/\s?d(?:ay)?\b", "day"),
    (r"(?:per|a|each|every)[\s-]+(?:year|annum)|annually|yearly|per\s+annum|/\s?y(?:ea)?r\b|p\.a\.", "year"),
    (r"(?:per|a|each|every)[\s-]+month|monthly|/\s?month\b", "month"),
    (r"(?:per|a|each|every)[\s-]+week|weekly|/\s?week\b", "week"),
    (r"(?:per|an|each|every)[\s-]+hour|hourly|/\s?h(?:ou)?r?\b", "hour"),
]

# Units worth precomputing beyond the spellings above (the cache covers them too).
EXTRA_UNITS = [
    "kilometer", "kilometer ** 2", "cubic_meter", "cubic_meter / year", "kilometer / hour",
    "megawatt", "gigawatt_hour", "tonne", "tonne / year", "oil_barrel / day", "year",
    "percent", "percentage_point", "kelvin",
]


@lru_cache(maxsize=1024)  # asked for every figure; float() raising on most units is the cost
def split_multiple(unit: str) -> tuple[float, str]:
    """A canonical unit may carry a multiple ("10 year" for decades; pint's decade is a log unit)."""
    head, _, rest = unit.partition(" ")
    try:
        return float(head), rest
    except ValueError:
        return 1.0, unit


@lru_cache(maxsize=1)
def registry():
    """Build the registry once per process: pint's default load costs a few hundred ms."""
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for line in DEFINITIONS.strip().splitlines():
        ureg.define(line)
    return ureg


@dataclass(frozen=True)
class Conversion:
    """How one canonical unit maps onto the base units of its dimension."""

    unit: str
    factor: float
    offset: float
    base_unit: str
    dimension: str


RATES = ("day", "year", "month", "week", "hour")
# words after "a"/"per" that are a period, not a thing money is paid per ("a year earlier")
TIME_WORDS = frozenset("day days week weeks month months year years hour hours decade century quarter season".split())
CACHE_ENV = "RECONCILE_CACHE_DIR"


def known_units() -> list[str]:
    """Every canonical unit the extractor can produce, with and without a rate."""
    bases = {split_multiple(unit)[1] for _, unit, _ in UNIT_SPELLINGS}
    bases |= {code for _, code in CURRENCY_PREFIXES} | {code for _, code in RUPEE_BY_COUNTRY}
    bases |= {code for _, code in DOLLAR_BY_COUNTRY}
    bases -= {"dollar", "yen_sign"}  # resolved per document to one of the codes above
    bases |= {"count", "dimensionless", "year"} | {u for u in EXTRA_UNITS}
    units = set(bases)
    for base in bases:
        if "/" not in base:
            units |= {f"{base} / {rate}" for rate in RATES}
    return sorted(units)


def _cache_path():
    """A per-user cache of the conversion table, keyed by pint's version and our definitions:
    loading pint's registry costs more than everything else at start-up."""
    import hashlib
    from pathlib import Path

    folder = os.environ.get(CACHE_ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "reconcile"
    )
    key = hashlib.sha1(
        (_pint_identity() + DEFINITIONS + repr(UNIT_SPELLINGS) + repr(EXTRA_UNITS) + repr(RATES)).encode()
    ).hexdigest()[:16]
    return Path(folder) / f"units-{key}.json"


def _pint_identity() -> str:
    """Which pint is installed, without importing it (importlib.metadata is slow too)."""
    from importlib.util import find_spec

    spec = find_spec("pint")
    origin = spec.origin if spec and spec.origin else ""
    return f"{origin}:{os.stat(origin).st_mtime_ns if origin else 0}"


@lru_cache(maxsize=1)
def _table() -> dict[str, "Conversion"]:
    import json

    path = _cache_path()
    try:
        rows = json.loads(path.read_text())
        return {row[0]: Conversion(*row) for row in rows}
    except (OSError, ValueError, TypeError):
        pass
    table = {unit: _convert(unit) for unit in known_units()}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps([list(vars(c).values()) for c in table.values()]))
        tmp.replace(path)  # atomic: concurrent runs never see half a file
    except OSError:
        pass  # a read-only home only costs start-up time
    return table


@lru_cache(maxsize=4096)
def conversion(unit: str) -> Conversion:
    """Factor (and offset, for temperatures) from `unit` to its base units, cached."""
    return _table().get(unit) or _convert(unit)


def _convert(unit: str) -> Conversion:
    ureg = registry()
    try:
        one = ureg.Quantity(1.0, unit).to_base_units()
        zero = ureg.Quantity(0.0, unit).to_base_units()
    except Exception as error:  # pint raises several unrelated types here
        from .errors import UnitError

        raise UnitError(unit, str(error)) from None
    offset = float(zero.magnitude)
    dimension = str(one.dimensionality) or "dimensionless"
    if "bit" in str(one.units).split():  # pint's bit is dimensionless: 64 GB would compare with 40%
        dimension = "[information]" if dimension == "dimensionless" else "[information] * " + dimension
    return Conversion(
        unit=unit,
        factor=float(one.magnitude) - offset,
        offset=offset,
        base_unit=str(one.units),
        dimension=dimension,
    )


def to_base(value: float, unit: str) -> float:
    c = conversion(unit)
    return value * c.factor + c.offset


def from_base(value: float, unit: str) -> float:
    c = conversion(unit)
    return (value - c.offset) / c.factor


SHORT_NAMES = {
    "cubic_meter": "m³", "cubic_foot": "ft³", "kilometer": "km", "meter": "m", "mile": "mi",
    "foot": "ft", "percent": "%", "percentage_point": "pp", "megawatt": "MW",
    "gigawatt": "GW", "gigawatt_hour": "GWh", "terawatt_hour": "TWh", "tonne": "t",
    "oil_barrel": "bbl", "kilometer ** 2": "km²", "kilowatt_hour": "kWh",
}


def short_unit(unit: str) -> str:
    """Human spelling of a canonical unit string for reports: "cubic_meter / year" -> "m³/year"."""
    parts = [p.strip() for p in unit.split("/")]
    return "/".join(SHORT_NAMES.get(p, p.replace("_", " ")) for p in parts)


# What a figure of each dimension measures, in a reader's words (fact names in the report).
DIMENSION_NAMES = {
    "[length]": "length", "[length] ** 2": "area", "[length] ** 3": "volume", "[mass]": "weight",
    "[time]": "duration", "[temperature]": "temperature", "[length] / [time]": "speed",
    "[length] ** 3 / [time]": "flow", "[mass] / [time]": "output", "[percentage_point]": "change in points",
    "[length] ** 2 * [mass] / [time] ** 3": "power", "[length] ** 2 * [mass] / [time] ** 2": "energy",
}


def dimension_name(dimension: str, unit: str = "", thing: str | None = None) -> str:
    """What a figure measures, from its dimension: "[length] ** 2" -> "area", "count:vessel" with
    thing "vessels" -> "number of vessels", money -> "amount", "percent" -> "percentage",
    anything per time -> "... per year" style rate ("amount per time")."""
    whole, _, per = dimension.partition(" / ")
    if dimension in DIMENSION_NAMES:
        return DIMENSION_NAMES[dimension]
    if whole.startswith("count:"):
        name = f"number of {thing or whole[6:]}"
    elif whole.startswith("[currency"):
        name = "amount"
    elif whole in DIMENSION_NAMES:
        name = DIMENSION_NAMES[whole]
    elif "percent" in unit:
        return "percentage"
    else:
        return "figure"
    if per == "[time]":
        return f"{name} per {unit.rsplit('/', 1)[-1].strip() or 'time'}"
    return f"{name} per {per}" if per else name
